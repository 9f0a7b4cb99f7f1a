using Spectre.Console;

namespace Marginalia.Cli;

/// <summary>The two consoles the command writes to: results on standard output, diagnostics and progress on standard error.</summary>
public sealed record CliConsoles(IAnsiConsole Out, IAnsiConsole Error)
{
    public static CliConsoles FromSystem() => new(
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) }),
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }));

    /// <summary>Consoles writing plain text (no colour, no cursor tricks) into writers, for tests.</summary>
    public static CliConsoles ToWriters(TextWriter output, TextWriter error) => new(Plain(output), Plain(error));

    private static IAnsiConsole Plain(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    });
}

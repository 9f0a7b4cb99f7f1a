using Spectre.Console;

namespace Marginalia.Cli;

/// <summary>The two consoles the command writes to: results on standard output, diagnostics and progress on standard error.</summary>
/// <remarks>The raw writers carry System.CommandLine's help text, which formats itself.</remarks>
internal sealed record CliConsoles(IAnsiConsole Out, IAnsiConsole Error, TextWriter OutWriter, TextWriter ErrorWriter)
{
    /// <summary>
    /// Wide enough never to wrap: a diagnostic is one line that editors and CI parse as <c>path:line:col</c>, and a
    /// terminal wraps long lines by itself without inserting line breaks into what is copied.
    /// </summary>
    private const int NoWrap = 100_000;

    public static CliConsoles FromSystem() => new(
        Unwrapped(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) })),
        Unwrapped(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) })),
        Console.Out,
        Console.Error);

    /// <summary>Consoles writing plain text (no colour, no cursor tricks) into writers, for tests.</summary>
    public static CliConsoles ToWriters(TextWriter output, TextWriter error) => new(Plain(output), Plain(error), output, error);

    private static IAnsiConsole Plain(TextWriter writer) => Unwrapped(AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    }));

    private static IAnsiConsole Unwrapped(IAnsiConsole console)
    {
        console.Profile.Width = NoWrap;
        return console;
    }
}

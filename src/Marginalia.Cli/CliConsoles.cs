using Spectre.Console;

namespace Marginalia.Cli;

/// <summary>The two consoles the command writes to: results on standard output, diagnostics and progress on standard error.</summary>
/// <remarks>
/// The raw writers carry System.CommandLine's help text, which formats itself. Each console is made on first use:
/// Spectre.Console works out what the terminal supports as it makes one, which under ReadyToRun or the JIT is 3 to 4 ms
/// of type loading on the thread that starts the build, and a quiet build that succeeds writes to neither.
/// </remarks>
internal sealed class CliConsoles(Func<IAnsiConsole> @out, Func<IAnsiConsole> error, TextWriter outWriter, TextWriter errorWriter)
{
    private readonly Lazy<IAnsiConsole> _out = new(@out);
    private readonly Lazy<IAnsiConsole> _error = new(error);

    public IAnsiConsole Out => _out.Value;

    public IAnsiConsole Error => _error.Value;

    public TextWriter OutWriter { get; } = outWriter;

    public TextWriter ErrorWriter { get; } = errorWriter;

    /// <summary>
    /// Wide enough never to wrap: a diagnostic is one line that editors and CI parse as <c>path:line:col</c>, and a
    /// terminal wraps long lines by itself without inserting line breaks into what is copied.
    /// </summary>
    private const int NoWrap = 100_000;

    public static CliConsoles FromSystem() => new(
        () => Unwrapped(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) })),
        () => Unwrapped(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) })),
        Console.Out,
        Console.Error);

    /// <summary>Consoles writing plain text (no colour, no cursor tricks) into writers, for tests.</summary>
    public static CliConsoles ToWriters(TextWriter output, TextWriter error) => new(() => Plain(output), () => Plain(error), output, error);

    /// <summary>A console writing plain text (no colour, no cursor tricks) into a writer.</summary>
    internal static IAnsiConsole Plain(TextWriter writer) => Unwrapped(AnsiConsole.Create(new AnsiConsoleSettings
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

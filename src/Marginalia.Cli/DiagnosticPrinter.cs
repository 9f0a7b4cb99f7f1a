using Marginalia.Diagnostics;
using Spectre.Console;

namespace Marginalia.Cli;

/// <summary>Prints diagnostics to standard error as <c>path:line:col: error MG0101: message</c>, each hint indented below.</summary>
internal sealed class DiagnosticPrinter(IAnsiConsole error)
{
    public void Print(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            var colour = diagnostic.Severity switch
            {
                Severity.Error => ConsoleText.Red,
                Severity.Warning => ConsoleText.Yellow,
                _ => ConsoleText.Blue,
            };
            error.Line(
                new Styled(diagnostic.Location.ToString(), ConsoleText.Bold),
                ": ",
                new Styled($"{diagnostic.SeverityName} {diagnostic.Code.Id}", colour),
                $": {diagnostic.Message}");
            if (diagnostic.Hint is { } hint)
            {
                error.Line("    ", new Styled("hint:", ConsoleText.Dim), $" {hint}");
            }
        }
    }
}

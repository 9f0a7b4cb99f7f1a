using Marginalia.Diagnostics;
using Spectre.Console;

namespace Marginalia.Cli;

/// <summary>Prints diagnostics to standard error as <c>path:line:col: error MG0101: message</c>, each hint indented below.</summary>
public sealed class DiagnosticPrinter(IAnsiConsole error)
{
    public void Print(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            var colour = diagnostic.Severity switch
            {
                Severity.Error => "red",
                Severity.Warning => "yellow",
                _ => "blue",
            };
            error.MarkupLine(
                $"[bold]{Markup.Escape(diagnostic.Location.ToString())}[/]: [{colour}]{diagnostic.SeverityName} {diagnostic.Code.Id}[/]: {Markup.Escape(diagnostic.Message)}");
            if (diagnostic.Hint is { } hint)
            {
                error.MarkupLine($"    [dim]hint:[/] {Markup.Escape(hint)}");
            }
        }
    }
}

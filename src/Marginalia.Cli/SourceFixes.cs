using Marginalia.Contributions.Sources;
using Marginalia.Diagnostics;
using Spectre.Console;
using YamlDotNet.Core;

namespace Marginalia.Cli;

/// <summary>'check --fix-sources': cleans the source addresses of each file the check warned about (MG0630) and says what changed.</summary>
internal static class SourceFixes
{
    public static void Apply(IReadOnlyList<Diagnostic> diagnostics, IAnsiConsole error)
    {
        // Paths are shown relative to the working directory (BuildRoots.DisplayBase), so they resolve from it.
        var files = diagnostics
            .Where(d => d.Code == DiagnosticCodes.SourceHygiene)
            .Select(d => d.Location.Path)
            .Distinct(StringComparer.Ordinal);
        foreach (var path in files)
        {
            IReadOnlyList<(string From, string To)> changed;
            try
            {
                changed = SourceFileFixer.Apply(Path.GetFullPath(path));
            }
            catch (Exception problem) when (problem is IOException or UnauthorizedAccessException or YamlException or InvalidOperationException or System.Text.DecoderFallbackException)
            {
                error.Line(new Styled("not fixed", ConsoleText.Yellow), $" {path}: {problem.Message}");
                continue;
            }

            foreach (var (from, to) in changed)
            {
                error.Line(new Styled("fixed", ConsoleText.Green), $" {path}: {from} ", new Styled("→", ConsoleText.Dim), $" {to}");
            }
        }
    }
}

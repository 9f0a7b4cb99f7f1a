using Marginalia.Content;
using Marginalia.Diagnostics;

namespace Marginalia.Contributions;

/// <summary>
/// The text <c>marginalia new</c> writes where the contributor's own words go. Kept here, beside the check that
/// flags it: a warning, not an error, so the file <c>new</c> writes checks clean as far as anchoring goes, while the
/// pull request's diff still shows the line that would otherwise publish instructions to readers.
/// </summary>
public static class Placeholders
{
    public const string NoteBody = "Write the note here: what the passage refers to, whether it holds, and a source.";
    public const string TermShort = "Write one plain-text sentence here that defines the term for the tooltip.";
    public const string TermBody = "Write the glossary entry here: what the term means, how the essay uses it, and a source.";
    public const string InitiativeSummary = "Write one or two plain-text sentences here for the preview card: what it is and who runs it.";
    public const string InitiativeBody = "Write the page here: what the initiative is, how it relates to the essay, and sources.";

    private static readonly string[] All = [NoteBody, TermShort, TermBody, InitiativeSummary, InitiativeBody];

    /// <summary>Reports each placeholder still in the file, at its line and column.</summary>
    public static void Check(SourceText source, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var placeholder in All)
        {
            var at = source.Text.IndexOf(placeholder, StringComparison.Ordinal);
            if (at >= 0)
            {
                var line = source.Text.AsSpan(0, at).Count('\n') + 1;
                var column = at - (source.Text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1) + 1;
                diagnostics.Warning(DiagnosticCodes.PlaceholderLeft, new SourceLocation(source.DisplayPath, line, column),
                    $"the placeholder \"{placeholder[..placeholder.IndexOf(' ', 10)]}…\" written by marginalia new is still here",
                    "replace it with your own text");
            }
        }
    }
}

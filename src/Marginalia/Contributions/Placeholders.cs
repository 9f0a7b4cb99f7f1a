using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Text;

namespace Marginalia.Contributions;

/// <summary>
/// The text <c>marginalia new</c> writes where the contributor's own words go. Kept here, beside the check that
/// flags it: an error, because a file still holding one would publish instructions to readers. The commented lines
/// the scaffold writes (<c># sources:</c>, <c># url: "https://…"</c>) are placeholders too once uncommented.
/// </summary>
internal static class Placeholders
{
    public const string NoteBody = "Write the note here: what the passage refers to, whether it holds, and a source.";
    public const string TermShort = "Write one plain-text sentence here that defines the term for the tooltip.";
    public const string TermBody = "Write the glossary entry here: what the term means, how the essay uses it, and a source.";
    public const string InitiativeSummary = "Write one or two plain-text sentences here for the preview card: what it is and who runs it.";
    public const string InitiativeBody = "Write the page here: what the initiative is, how it relates to the essay, and sources.";
    public const string SourceTitle = "The title of the page, article or paper";
    public const string Url = "\"https://…\"";
    public const string Value = "\"…\"";

    /// <summary>The author's handle, quoted: a valid handle's shape, so only this check stops it being published as someone's.</summary>
    public const string Author = "\"your-github-handle\"";

    // FieldOnly: a short placeholder that prose in a body may well hold, so it is looked for in front matter only.
    private static readonly (string Text, string Shown, string Hint, bool FieldOnly)[] All =
    [
        (NoteBody, "Write the note…", "replace it with your own text", false),
        (TermShort, "Write one plain-text…", "replace it with your own text", false),
        (TermBody, "Write the glossary…", "replace it with your own text", false),
        (InitiativeSummary, "Write one or two…", "replace it with your own text", false),
        (InitiativeBody, "Write the page…", "replace it with your own text", false),
        (SourceTitle, "The title of the page…", "write the source's real title", false),
        (Url, "https://…", "write the full address, or comment the line out again with '#'", true),
        (Value, "…", "write the value, or comment the line out again with '#'", true),
        (Author, "your-github-handle", "write your GitHub user name", true),
    ];

    /// <summary>Reports each placeholder still in the file, at its line and column; front matter comments are skipped.</summary>
    public static void Check(SourceText source, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var text = source.Text;
        var lines = new LinePositions(text);
        var frontMatterEnd = FrontMatterEnd(text);
        foreach (var (placeholder, shown, hint, fieldOnly) in All)
        {
            for (var at = text.IndexOf(placeholder, StringComparison.Ordinal); at >= 0; at = text.IndexOf(placeholder, at + placeholder.Length, StringComparison.Ordinal))
            {
                var lineStart = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
                var before = text.AsSpan(lineStart, at - lineStart);
                if ((at < frontMatterEnd && before.Contains('#')) || (fieldOnly && at >= frontMatterEnd))
                {
                    continue; // a YAML comment (the scaffold's example of a field left out), or prose
                }

                var (line, column) = lines.At(at + (placeholder[0] == '"' ? 1 : 0));
                diagnostics.Error(DiagnosticCodes.PlaceholderLeft, new SourceLocation(source.DisplayPath, line + 1, column),
                    $"the placeholder \"{shown}\" written by marginalia new is still here", hint);
            }
        }
    }

    // Where the front matter's closing '---' line starts (0 when there is none): comments only exist before it.
    private static int FrontMatterEnd(string text)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            return 0;
        }

        var close = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        return close < 0 ? text.Length : close;
    }
}

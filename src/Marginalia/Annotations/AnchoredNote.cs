namespace Marginalia.Annotations;

/// <summary>
/// A note placed in the essay: its number in reading order, the paragraph (or heading) it is in, and the span of the
/// passage in the essay's plain text (<c>essay.txt</c>), as UTF-16 offsets [Start, End) — convert to code points
/// for the W3C export.
/// </summary>
internal sealed record AnchoredNote(Note Note, int Number, string BlockId, int Start, int End)
{
    /// <summary>The passage exactly as it stands in essay.txt (not as the contributor typed it).</summary>
    public string Exact(string essayText)
    {
        ArgumentNullException.ThrowIfNull(essayText);
        return essayText[Start..End];
    }
}

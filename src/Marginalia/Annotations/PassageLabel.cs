namespace Marginalia.Annotations;

/// <summary>
/// How pages other than the reader name a note: by the first words of its passage, which stay put when a note is
/// added before it, where its number ("Note 12") would move.
/// </summary>
internal static class PassageLabel
{
    /// <summary>Past this many characters the passage is cut at a word and ends with an ellipsis.</summary>
    public const int MaxLength = 40;

    public static string Of(AnchoredNote note, string essayText)
    {
        ArgumentNullException.ThrowIfNull(note);
        var quote = note.Exact(essayText).Trim();
        if (quote.Length > MaxLength)
        {
            var cut = quote.LastIndexOf(' ', MaxLength);
            quote = quote[..(cut > 0 ? cut : MaxLength)].TrimEnd(',', ';', ':', '.', ' ', '—', '–') + "…";
        }

        return "“" + quote + "”";
    }
}

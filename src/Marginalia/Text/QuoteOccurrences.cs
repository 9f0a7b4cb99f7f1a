namespace Marginalia.Text;

/// <summary>
/// Where a quote occurs in the essay's text: the plain spans within one block, those that run across blocks, and the
/// shortest prefix or suffix that picks one occurrence out of several. Shared by the note matcher, re-anchoring and
/// the scaffold, which all quote the essay; it knows nothing of notes.
/// </summary>
internal static class QuoteOccurrences
{
    private const int MaxProposalWords = 12;

    /// <summary>
    /// Every place a quote occurs within one paragraph or heading (plain spans, in reading order) and, when it occurs
    /// more than once, the shortest prefix or suffix that picks each place out (both null when it occurs once, or when
    /// identical passages leave nothing to pick by). For tools that write notes; an empty list means not found, or
    /// found only across blocks.
    /// </summary>
    public static IReadOnlyList<(int Start, int End, string BlockId, string? Prefix, string? Suffix)> Locate(TextIndex index, string quote)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(quote);
        var pattern = Folding.FoldPhrase(quote);
        if (pattern.Length == 0)
        {
            return [];
        }

        var found = new PhraseAutomaton([pattern]).FindAll(index.Folded.Text).Select(m => (m.Start, m.End)).ToList();
        var (within, _) = Split(index, found);
        return [.. within.Select((o, i) =>
        {
            var selector = within.Count > 1 ? Selector(index, within, i) : null;
            return (o.Start, o.End, o.Block.Id, selector?.Prefix, selector?.Suffix);
        })];
    }

    /// <summary>The occurrences within one block, and the blocks each occurrence across blocks runs from and into.</summary>
    internal static (List<QuoteOccurrence> Within, List<(TextBlock From, TextBlock To)> Across) Split(TextIndex index, List<(int Start, int End)> found)
    {
        var within = new List<QuoteOccurrence>();
        var across = new List<(TextBlock From, TextBlock To)>();
        foreach (var (foldedStart, foldedEnd) in found)
        {
            var (rawStart, rawEnd) = index.Folded.ToSource(foldedStart, foldedEnd);
            var (start, end) = Trim(index.Text, rawStart, rawEnd);
            var block = index.BlockAt(start);
            if (end <= block.End)
            {
                within.Add(new QuoteOccurrence(start, end, foldedStart, foldedEnd, block));
            }
            else
            {
                across.Add((block, index.BlockAt(end - 1)));
            }
        }

        return (within, across);
    }

    /// <summary>Whether the folded text just before/after an occurrence matches a folded prefix/suffix.</summary>
    /// <remarks>Compared on the folded text in place: no copying, so checking many occurrences stays cheap.</remarks>
    internal static bool Fits(FoldedText folded, QuoteOccurrence occurrence, string? prefix, string? suffix) =>
        (prefix is null || folded.Text.AsSpan(0, occurrence.FoldedStart).TrimEnd(' ').EndsWith(prefix, StringComparison.Ordinal))
        && (suffix is null || folded.Text.AsSpan(occurrence.FoldedEnd).TrimStart(' ').StartsWith(suffix, StringComparison.Ordinal));

    /// <summary>The shortest prefix or suffix (exactly one set), in whole words from the occurrence's own block, that no other occurrence shares.</summary>
    internal static (string? Prefix, string? Suffix)? Selector(TextIndex index, List<QuoteOccurrence> occurrences, int which)
    {
        var (start, end, _, _, block) = occurrences[which];
        var others = occurrences.Where((_, i) => i != which).ToList();
        (string? Prefix, string? Suffix)? best = null;
        for (var words = 1; words <= MaxProposalWords && best is null; words++)
        {
            var prefix = LastWords(index.Text[block.Start..start], words);
            if (prefix is not null && !others.Any(o => Fits(index.Folded, o, Folding.FoldPhrase(prefix), null)))
            {
                best = (prefix, null);
            }

            var suffix = FirstWords(index.Text[end..block.End], words);
            if (suffix is not null && !others.Any(o => Fits(index.Folded, o, null, Folding.FoldPhrase(suffix)))
                && (best is null || suffix.Length < prefix!.Length))
            {
                best = (null, suffix);
            }
        }

        return best;
    }

    private static string? LastWords(string text, int count)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length < count ? null : string.Join(' ', words[^count..]);
    }

    private static string? FirstWords(string text, int count)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length < count ? null : string.Join(' ', words[..count]);
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }
}

/// <summary>One occurrence within a block: its plain span, its span in the folded text, and the block.</summary>
internal readonly record struct QuoteOccurrence(int Start, int End, int FoldedStart, int FoldedEnd, TextBlock Block);

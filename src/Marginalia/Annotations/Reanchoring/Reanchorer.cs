using System.Globalization;
using Marginalia.Content;
using Marginalia.Text;

namespace Marginalia.Annotations.Reanchoring;

/// <summary>
/// Places a note again after the essay's text was corrected: every passage within a bounded edit distance of the old
/// quote is a candidate, scored by how like the quote it is and by how well the note's prefix and suffix still fit
/// the text around it. Only a clearly best candidate is taken; anything less is left for a person to decide.
/// </summary>
internal static class Reanchorer
{
    /// <summary>Share of the quote's length that may differ (a word inserted, a typo fixed, a phrase reworded).</summary>
    public const double MaxEditShare = 0.3;

    /// <summary>Lowest score a candidate may have and still be taken.</summary>
    public const double MinScore = 0.6;

    /// <summary>How far ahead of the runner-up the best candidate must be to count as clearly best.</summary>
    public const double MinLead = 0.1;

    /// <summary>
    /// Shortest quote (folded) placed again by likeness: within 30% of a few characters, nearly every word of the essay
    /// is a candidate, and likeness says nothing about which one was meant.
    /// </summary>
    public const int MinQuoteLength = 10;

    /// <summary>Most candidates scored: beyond this many look-alike passages, none can be clearly best anyway.</summary>
    public const int MaxCandidates = 50;

    /// <returns>The placement, or why there is none (in words for the contributor).</returns>
    /// <remarks>
    /// The work is bounded whatever the note holds: the search costs the quote's length times the essay's (taken from
    /// <paramref name="budget"/> when given), at most <see cref="MaxCandidates"/> candidates are scored, and each
    /// scoring compares at most <see cref="FieldLimits.Phrase"/> characters of prefix or suffix with a window twice as long.
    /// </remarks>
    public static (Placement? Placed, string? Reason) Place(TextIndex index, string quote, string? prefix, string? suffix, WorkBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(quote);
        var pattern = Folding.FoldPhrase(quote);
        if (pattern.Length == 0)
        {
            return (null, "the quote is empty");
        }

        if (pattern.Length < MinQuoteLength)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"the quote is too short to be placed again by likeness (fewer than {MinQuoteLength} characters)"));
        }

        var cost = (long)pattern.Length * index.Folded.Length;
        if (cost > Math.Min(ClosestPassage.MaxCells, WorkBudget.PerStage))
        {
            return (null, "the quote and the essay are too long together for the essay to be searched by likeness");
        }

        if (budget is not null && !budget.TrySpend(cost))
        {
            return (null, "the notes before it that needed placing again have spent this build's share of work for it; fix those notes");
        }

        var maxEdits = Math.Max(1, (int)Math.Ceiling(pattern.Length * MaxEditShare));
        prefix = Fold(prefix);
        suffix = Fold(suffix);

        // The reader keeps them to FieldLimits.Phrase; the bound holds for notes made any other way too.
        prefix = prefix?.Length > FieldLimits.Phrase ? prefix[^FieldLimits.Phrase..] : prefix;
        suffix = suffix?.Length > FieldLimits.Phrase ? suffix[..FieldLimits.Phrase] : suffix;
        var found = ApproximateMatches.Find(pattern, index.Folded.Text, maxEdits);
        if (found.Count > MaxCandidates)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"{found.Count:N0} passages are within {maxEdits} {(maxEdits == 1 ? "edit" : "edits")} of the quote, too many to choose from"));
        }

        var candidates = new List<(int Start, int End, TextBlock Block, double Score)>();
        foreach (var (foldedStart, foldedEnd, distance) in found)
        {
            var (start, end) = WholeWords(index.Text, index.Folded.ToSource(foldedStart, foldedEnd));
            var block = index.BlockAt(start);
            if (start >= end || end > block.End)
            {
                continue; // runs across blocks: a note quotes within one
            }

            // The mean of the similarities there are: the quote's, and the prefix's and suffix's where the note has them.
            // Every candidate's quote is already within the bound, so context is what tells places apart.
            var score = 1 - ((double)distance / pattern.Length);
            var weight = 1;
            if (prefix is not null)
            {
                var before = index.Folded.Text[Math.Max(0, foldedStart - (2 * prefix.Length))..foldedStart].TrimEnd(' ');
                score += Similarity(ApproximateMatches.ToEnd(prefix, before), prefix.Length);
                weight++;
            }

            if (suffix is not null)
            {
                var after = index.Folded.Text[foldedEnd..Math.Min(index.Folded.Length, foldedEnd + (2 * suffix.Length))].TrimStart(' ');
                score += Similarity(ApproximateMatches.ToStart(suffix, after), suffix.Length);
                weight++;
            }

            candidates.Add((start, end, block, score / weight));
        }

        if (candidates.Count == 0)
        {
            return (null, $"no passage is within {maxEdits} {(maxEdits == 1 ? "edit" : "edits")} of the quote");
        }

        var ranked = candidates.OrderByDescending(c => c.Score).ToList();
        var best = ranked[0];
        if (best.Score < MinScore)
        {
            return (null, $"the likeliest passage (¶ {best.Block.Id}) fits only {Percent(best.Score)}");
        }

        if (ranked.Count > 1 && best.Score - ranked[1].Score < MinLead)
        {
            return (null, $"passages in ¶ {best.Block.Id} and ¶ {ranked[1].Block.Id} fit about equally well ({Percent(best.Score)}, {Percent(ranked[1].Score)})");
        }

        var passage = index.Text[best.Start..best.End];
        var place = QuoteOccurrences.Locate(index, passage).FirstOrDefault(p => p.Start == best.Start);
        if (place == default)
        {
            return (null, "the passage found cannot be quoted on its own");
        }

        var identical = place.Prefix is null && place.Suffix is null && QuoteOccurrences.Locate(index, passage).Count > 1;
        return identical
            ? (null, $"the passage in ¶ {best.Block.Id} occurs elsewhere word for word, with nothing around it to tell them apart")
            : (new Placement(best.Start, best.End, best.Block.Id, passage, place.Prefix, place.Suffix), null);
    }

    private static string? Fold(string? phrase) => phrase is null ? null : Folding.FoldPhrase(phrase) is { Length: > 0 } folded ? folded : null;

    private static double Similarity(int distance, int length) => Math.Max(0, 1 - ((double)distance / length));

    private static string Percent(double score) => Math.Round(score * 100).ToString(CultureInfo.InvariantCulture) + "%";

    /// <summary>Trims a span's surrounding whitespace and widens it to whole words: a quote that cuts a word reads badly.</summary>
    private static (int Start, int End) WholeWords(string text, (int Start, int End) span)
    {
        var (start, end) = span;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        while (start > 0 && start < end && char.IsLetterOrDigit(text[start]) && char.IsLetterOrDigit(text[start - 1]))
        {
            start--;
        }

        while (end < text.Length && end > start && char.IsLetterOrDigit(text[end - 1]) && char.IsLetterOrDigit(text[end]))
        {
            end++;
        }

        return (start, end);
    }
}

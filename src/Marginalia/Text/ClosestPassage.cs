namespace Marginalia.Text;

/// <summary>
/// Finds the passage of a text closest to a phrase by edit distance (Sellers' algorithm, in
/// <see cref="ApproximateMatches"/>: the phrase may start and end anywhere). Only used to explain a quote that is not
/// found, so its O(text × phrase) cost is paid on errors alone.
/// </summary>
internal static class ClosestPassage
{
    /// <summary>Work beyond which the search gives up rather than stall a build that has already failed.</summary>
    public const long MaxCells = 200_000_000;

    /// <returns>The best [Start, End) in <paramref name="text"/> and its distance, or null if the search would be too costly.</returns>
    public static (int Start, int End, int Distance)? Find(string phrase, string text)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        ArgumentNullException.ThrowIfNull(text);
        var m = phrase.Length;
        if (m == 0 || text.Length == 0 || (long)m * text.Length > MaxCells)
        {
            return null;
        }

        var best = (Start: 0, End: 0, Distance: m);
        foreach (var end in ApproximateMatches.Ends(phrase, text))
        {
            if (end.Distance < best.Distance)
            {
                best = end;
            }
        }

        return best;
    }

    /// <summary>The hint when the search is not made: the phrase is too long, or the stage's budget is spent.</summary>
    public const string Unsearched = "check the spelling against the essay; copy the passage rather than typing it";

    /// <summary>
    /// A hint naming the passage of the essay closest to a folded phrase that was not found. The search costs the
    /// phrase's length times the essay's, taken from <paramref name="budget"/> when one is given; when that much is
    /// not left, the hint only says to copy the passage.
    /// </summary>
    public static string Hint(TextIndex index, string pattern, WorkBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(pattern);
        if (budget is not null && !budget.TrySpend((long)pattern.Length * index.Folded.Length))
        {
            return Unsearched;
        }

        (int Distance, TextBlock Block, int Start, int End)? best = null;
        foreach (var block in index.Blocks)
        {
            var folded = Folding.Fold(index.Text[block.Start..block.End]);
            if (ClosestPassage.Find(pattern, folded.Text) is { } found && (best is null || found.Distance < best.Value.Distance))
            {
                // Whole words read better in a hint than the cheapest cut ("skew" for a typed "skewd").
                var (wordStart, wordEnd) = (found.Start, Math.Max(found.End, found.Start + 1));
                while (wordStart > 0 && char.IsLetterOrDigit(folded.Text[wordStart - 1]))
                {
                    wordStart--;
                }

                while (wordEnd < folded.Length && char.IsLetterOrDigit(folded.Text[wordEnd]))
                {
                    wordEnd++;
                }

                var (s, e) = folded.ToSource(wordStart, wordEnd);
                best = (found.Distance, block, block.Start + s, block.Start + e);
            }
        }

        if (best is not { } b || b.Distance >= pattern.Length)
        {
            return Unsearched;
        }

        return $"the closest passage is in {$"¶ {b.Block.Id}"}: \"{index.Text[b.Start..b.End]}\"";
    }
}

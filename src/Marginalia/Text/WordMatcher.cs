using System.Globalization;

namespace Marginalia.Text;

/// <summary>
/// Finds phrases as whole words in the essay's folded text in one automaton pass: case-insensitive phrases match
/// the lower-cased text, case-sensitive ones must also match exactly; a match counts only with a non-word character
/// (or the text's edge) on both sides, so a hyphen or an apostrophe ends a word ("AI’s" holds "AI", "open-source"
/// does not hold "open source"). Terms and initiative mentions share this.
/// </summary>
internal static class WordMatcher
{
    /// <summary>Every whole-word occurrence inside one block, overlapping ones included.</summary>
    public static List<WordMatch> FindAll(TextIndex index, IReadOnlyList<WordPhrase> phrases)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(phrases);
        var folded = index.Folded;
        var lower = index.FoldedLower;
        var keys = phrases.Select(p => Folding.FoldPhrase(p.Phrase).ToLowerInvariant()).ToList();
        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        var slot = distinct.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
        var owners = distinct.Select(_ => new List<int>()).ToList();
        for (var i = 0; i < phrases.Count; i++)
        {
            owners[slot[keys[i]]].Add(i);
        }

        var found = new List<WordMatch>();
        foreach (var match in new PhraseAutomaton(distinct).FindAll(lower))
        {
            if (!IsBoundary(folded.Text, match.Start - 1) || !IsBoundary(folded.Text, match.End))
            {
                continue;
            }

            foreach (var p in owners[match.Phrase])
            {
                var phrase = phrases[p];
                if (phrase.CaseSensitive
                    && !folded.Text.AsSpan(match.Start, match.End - match.Start).SequenceEqual(Folding.FoldPhrase(phrase.Phrase)))
                {
                    continue;
                }

                var (start, end) = folded.ToSource(match.Start, match.End);
                var block = index.BlockAt(start);
                if (end <= block.End)
                {
                    found.Add(new WordMatch(phrase.Owner, phrase, start, end, block));
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Leftmost-longest: scanning in text order, a match is kept unless it overlaps one already kept; at one start
    /// the longest wins ("large language model" over "language model").
    /// </summary>
    public static List<WordMatch> LeftmostLongest(IEnumerable<WordMatch> matches)
    {
        var kept = new List<WordMatch>();
        var reach = -1;
        foreach (var match in matches.OrderBy(m => m.Start).ThenByDescending(m => m.End - m.Start).ThenBy(m => m.Owner))
        {
            if (match.Start >= reach)
            {
                kept.Add(match);
                reach = match.End;
            }
        }

        return kept;
    }

    private static bool IsBoundary(string text, int index) =>
        index < 0 || index >= text.Length || !IsWordCharacter(text, index);

    private static bool IsWordCharacter(string text, int index)
    {
        var c = text[index];
        if (char.IsLowSurrogate(c) && index > 0)
        {
            return char.IsLetterOrDigit(text, index - 1);
        }

        return char.IsLetterOrDigit(text, index)
            || CharUnicodeInfo.GetUnicodeCategory(text, index) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }
}

using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Marginalia.Text;

/// <summary>One word of a searched text: its term (folded and stemmed) and where the word stands in the original
/// text, in UTF-16 code units, so a match can be highlighted in a snippet.</summary>
internal readonly record struct SearchToken(string Term, int Start, int Length);

/// <summary>
/// The text side of the offline full-text search: how a text is folded and cut into terms. The index is built with
/// this class and the browser queries it with theme/assets/search-terms.js, which does the same thing line for line
/// (SearchTermsTests runs both over one word list and a set of sentences and compares them word for word).
/// <para>
/// Folding differs from <see cref="Folding"/>, which compares quotes case-sensitively and keeps accents: search
/// ignores case and accents. Fold is not length-stable (a decomposed accent disappears, a ligature such as "ﬁ"
/// becomes two letters), so Tokens folds the original text piece by piece and keeps each piece's offsets instead.
/// </para>
/// </summary>
internal static class SearchTerms
{
    /// <summary>
    /// Very common English function words, and a few common words no reader searches for alone (one, more, such,
    /// also, among, over), which the index skips and queries drop: a search for them would match nearly every
    /// paragraph, and each costs the index a posting per entry. Compared with the folded word: for a token, <c>IsStopWord(Fold(text.Substring(token.Start,
    /// token.Length)))</c>. Every stop word stems to a stop word, so testing a token's Term works too (and also drops
    /// the few words that stem to one, such as "cans" and "doing"). The same list is in search-terms.js; a test fails
    /// when the two differ.
    /// </summary>
    public static IReadOnlySet<string> StopWords { get; } = new[]
    {
        "a", "about", "all", "also", "among", "an", "and", "are", "as", "at", "be", "been", "between", "both",
        "but", "by", "can", "could", "do", "each", "for", "from", "had", "has", "have", "he", "her", "his", "how", "if",
        "in", "into", "is", "it", "it's", "its", "may", "more", "most", "no", "not", "of", "on", "one", "or", "other",
        "our", "over", "rather", "she", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there",
        "these", "they", "this", "those", "to", "up", "was", "we", "were", "what", "which", "who", "will", "with",
        "would",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsStopWord(string foldedWord)
    {
        ArgumentNullException.ThrowIfNull(foldedWord);
        return StopWords.Contains(foldedWord);
    }

    /// <summary>
    /// Folds for search: Unicode NFKD, combining marks dropped ("attaché" → "attache"), lower case (invariant, letter
    /// by letter), typographic apostrophes and quotes to straight ones, every hyphen and dash to "-", and the
    /// invisible characters <see cref="Folding"/> also drops (soft hyphen, zero-width spaces and joiners, BOM) gone.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var end = UnitEnd(text, i);
            FoldUnit(text, i, end, folded);
            i = end;
        }

        return folded.ToString();
    }

    /// <summary>
    /// The words of <paramref name="text"/>: maximal runs of letters and digits (after folding), an apostrophe
    /// between two of them kept inside the word (o'clock, don't), each with its term: the Porter2 stem of the
    /// folded word, or the folded word itself when it holds a digit (2024, g7, covid-19's "19"). Stop words are
    /// returned too; the caller decides (see <see cref="IsStopWord"/>).
    /// </summary>
    public static IReadOnlyList<SearchToken> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // The folded text with, for each folded character, the source piece it came from.
        var folded = new StringBuilder(text.Length);
        var starts = new List<int>(text.Length);
        var ends = new List<int>(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var end = UnitEnd(text, i);
            var before = folded.Length;
            FoldUnit(text, i, end, folded);
            for (var k = before; k < folded.Length; k++)
            {
                starts.Add(i);
                ends.Add(end);
            }

            i = end;
        }

        var tokens = new List<SearchToken>();
        var f = folded.ToString();
        var at = 0;
        while (NextWord(f, ref at, out var first, out var hasDigit))
        {
            var start = starts[first];
            tokens.Add(new SearchToken(Term(f, first, at, hasDigit), start, ends[at - 1] - start));
        }

        return tokens;
    }

    /// <summary>
    /// The terms of <see cref="Tokens"/>, in the same order, without where their words stand: all the index needs.
    /// Without the two offsets kept per folded character and a string per word, a 1× build allocates 10 MB less.
    /// </summary>
    public static List<string> Terms(string text)
    {
        var f = Fold(text);
        var terms = new List<string>();
        var at = 0;
        while (NextWord(f, ref at, out var first, out var hasDigit))
        {
            terms.Add(Term(f, first, at, hasDigit));
        }

        return terms;
    }

    /// <summary>
    /// Finds the next word of a folded text at or after <paramref name="at"/>: a maximal run of letters and digits,
    /// an apostrophe between two of them kept inside. Returns false when there is none; else the word is
    /// [<paramref name="first"/>, <paramref name="at"/>).
    /// </summary>
    private static bool NextWord(string f, ref int at, out int first, out bool hasDigit)
    {
        while (at < f.Length && !IsWordChar(f, at))
        {
            at++;
        }

        first = at;
        hasDigit = false;
        if (at >= f.Length)
        {
            return false;
        }

        while (at < f.Length)
        {
            if (IsWordChar(f, at))
            {
                hasDigit |= char.IsDigit(f, at);
                at += char.IsSurrogatePair(f, at) ? 2 : 1;
            }
            else if (f[at] == '\'' && at + 1 < f.Length && IsWordChar(f, at + 1))
            {
                at++;
            }
            else
            {
                break;
            }
        }

        return true;
    }

    /// <summary>A folded word's term: the word itself when it holds a digit, else its stem, looked up without a string when known.</summary>
    private static string Term(string f, int first, int end, bool hasDigit)
    {
        if (hasDigit)
        {
            return f[first..end];
        }

        if (StemsBySpan.TryGetValue(f.AsSpan(first, end - first), out var known))
        {
            return known;
        }

        var word = f[first..end];
        var stem = Porter2.Stem(word);

        // Counted here rather than asked of the table: its Count takes every one of its locks, once per new word.
        if (Interlocked.Increment(ref _stemsAdded) <= MaxStems)
        {
            Stems.TryAdd(word, stem);
        }

        return stem;
    }

    private static bool IsWordChar(string s, int index) => char.IsLetterOrDigit(s, index);

    /// <summary>
    /// Stems already computed, by folded word: an essay uses a few thousand words many times each, and the stemmer is a
    /// pure function of the word. Bounded, so a hostile text of endless distinct words cannot grow it without end.
    /// </summary>
    private static readonly ConcurrentDictionary<string, string> Stems = new(Environment.ProcessorCount, 4096, StringComparer.Ordinal);

    // How many stems were offered to the table (a few more than it holds when threads race on the same word).
    private static int _stemsAdded;

    // The same table, asked with a word still inside the folded text.
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> StemsBySpan = Stems.GetAlternateLookup<ReadOnlySpan<char>>();

    private const int MaxStems = 200_000;

    // One piece of the source: a character (or surrogate pair) with the combining marks that follow it.
    private static int UnitEnd(string text, int start)
    {
        var end = start + (char.IsSurrogatePair(text, start) ? 2 : 1);
        while (end < text.Length && IsMark(CharUnicodeInfo.GetUnicodeCategory(text, end)))
        {
            end += char.IsSurrogatePair(text, end) ? 2 : 1;
        }

        return end;
    }

    private static void FoldUnit(string text, int start, int end, StringBuilder into)
    {
        // Nearly every piece is one ASCII character, which NFKD leaves as it is and which is never a mark, invisible or
        // typographic: lower-cased straight away, without a string and a normalisation per character.
        if (end == start + 1 && char.IsAscii(text[start]))
        {
            into.Append(char.ToLowerInvariant(text[start]));
            return;
        }

        var unit = text[start..end];
        string decomposed;
        try
        {
            decomposed = unit.Normalize(NormalizationForm.FormKD);
        }
        catch (ArgumentException)
        {
            decomposed = unit; // a lone surrogate cannot be normalised: kept as it is
        }

        var k = 0;
        while (k < decomposed.Length)
        {
            var length = char.IsSurrogatePair(decomposed, k) ? 2 : 1;
            var c = decomposed[k];
            if (length == 2)
            {
                if (!IsMark(CharUnicodeInfo.GetUnicodeCategory(decomposed, k)))
                {
                    into.Append(decomposed.AsSpan(k, 2).ToString().ToLowerInvariant());
                }
            }
            else if (!IsMark(CharUnicodeInfo.GetUnicodeCategory(c)) && !IsInvisible(c))
            {
                into.Append(Typographic(c) ?? char.ToLowerInvariant(c));
            }

            k += length;
        }
    }

    private static char? Typographic(char c) => c switch
    {
        '\u2019' or '\u2018' or '\u201B' or '\u201A' or '\u2032' or '\u02BC' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' => '-',
        _ => null,
    };

    // The characters Folding also treats as never there: zero-width spaces and joiners, word joiner, BOM, soft hyphen.
    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';

    private static bool IsMark(UnicodeCategory category) =>
        category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}

using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Marginalia.Text;

namespace Marginalia.Search;

/// <summary>
/// Writes the search's two script files: the index (every stemmed term with the entries it is in and how often,
/// each entry's length) and the text (each entry's kind, title, place and words, which the results show). Both
/// are scripts, not JSON to fetch, so the search works from disk (file:// forbids fetch) and loads them only when a
/// reader first searches. The query side is theme/assets/search.js; it stems with search-terms.js, which stems as
/// <see cref="SearchTerms"/> does, so a word finds its entries whichever side stemmed it.
/// </summary>
/// <remarks>
/// The postings of a term are one string of numbers with no separator (<see cref="Number"/>): the gaps between its
/// entries; the counts (how often the term occurs in each, less one) are one string for all terms. Gaps keep the
/// numbers small and most are one character, which is what keeps the index a fraction of the text it indexes
/// (README, "Search"). An entry's length, which BM25 weighs, is the sum of its counts: the query side adds them up.
/// </remarks>
internal static class SearchIndexWriter
{
    /// <summary>What calls the data in: <c>Marginalia.searchLoaded(part, data)</c>, defined by the query side.</summary>
    public const string Callback = "Marginalia.searchLoaded";

    public static SearchFiles Write(IReadOnlyList<SearchEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var kinds = entries.Select(e => e.Kind).Distinct(StringComparer.Ordinal).ToList();
        // A hash map while counting and one sort at the end: a sorted map compared strings on every word of every entry.
        var postings = new Dictionary<string, List<(int Entry, int Count)>>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            counts.Clear();
            Count(entries[i].Text, 1, counts);
            Count(entries[i].Name ?? string.Empty, NameWeight, counts);

            foreach (var (term, count) in counts)
            {
                ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(postings, term, out _);
                (list ??= []).Add((i, count));
            }
        }

        // The terms sorted as strings, then paired again: LINQ's sorter over the pairs is compiled at run time under
        // ReadyToRun, and terms are unique, so no tie rule is needed.
        var terms = postings.Keys.ToArray();
        Array.Sort(terms, StringComparer.Ordinal);
        var sorted = new List<KeyValuePair<string, List<(int Entry, int Count)>>>(terms.Length);
        foreach (var term in terms)
        {
            sorted.Add(new(term, postings[term]));
        }

        return new SearchFiles(Index(sorted), Text(entries, kinds));
    }

    /// <summary>How many mentions in the text one word of an entry's name counts as.</summary>
    public const int NameWeight = 3;

    private static void Count(string text, int weight, Dictionary<string, int> counts)
    {
        foreach (var term in SearchTerms.Terms(text))
        {
            if (!SearchTerms.IsStopWord(term))
            {
                counts[term] = counts.GetValueOrDefault(term) + weight;
            }
        }
    }

    private static string Index(List<KeyValuePair<string, List<(int Entry, int Count)>>> postings)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("terms", FrontCoded(postings.Select(p => p.Key)));
            var entries = new StringBuilder();
            var counts = new StringBuilder();
            foreach (var (_, list) in postings)
            {
                if (entries.Length > 0)
                {
                    entries.Append(' ');
                }

                // The gaps between a term's entries; how often it occurs in each is a separate string, in the same
                // order, since most counts are 1 and a run of them compresses to almost nothing.
                var previous = 0;
                foreach (var (entry, count) in list)
                {
                    Number(entries, entry - previous);
                    Number(counts, count - 1);
                    previous = entry;
                }
            }

            json.WriteString("postings", entries.ToString());
            json.WriteString("counts", counts.ToString());
            json.WriteEndObject();
        }

        return Script("index", buffer);
    }

    /// <summary>
    /// The terms, in order, each as one character for how many characters it shares with the one before
    /// (<see cref="Shared"/>: no term holds an upper-case ASCII letter or punctuation, so it also ends the term before)
    /// and the rest: "flood", "floodplain" is "Aflood" then "Fplain".
    /// </summary>
    private static string FrontCoded(IEnumerable<string> terms)
    {
        var text = new StringBuilder();
        var previous = string.Empty;
        foreach (var term in terms)
        {
            var shared = 0;
            var most = Math.Min(Math.Min(term.Length, previous.Length), Shared.Length - 1);
            while (shared < most && term[shared] == previous[shared])
            {
                shared++;
            }

            text.Append(Shared[shared]).Append(term, shared, term.Length - shared);
            previous = term;
        }

        return text.ToString();
    }

    /// <summary>How much a term shares with the one before: 0 to 50.</summary>
    private const string Shared = "ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&()*+,-./:;<=>?@[]^_`{|}~";

    /// <summary>The last digit of a number, base 64: the ASCII a JSON string holds as itself, space and quotes aside.</summary>
    private const string Last = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!#";

    /// <summary>
    /// The digits before the last, base 27, so numbers need no separator between them. Not '<': where the single-file
    /// edition inlines the index in a &lt;script&gt; element, "&lt;!--" would change how HTML reads the rest of it.
    /// </summary>
    private const string More = "$%&()*+,-./:;=>?@[]^_`{|}~'";

    /// <summary>A number as its digits: the last from <see cref="Last"/> (base 64), those before from <see cref="More"/> (base 27).</summary>
    private static void Number(StringBuilder text, int value)
    {
        Span<char> digits = stackalloc char[8];
        var at = digits.Length;
        digits[--at] = Last[value % Last.Length];
        value /= Last.Length;
        while (value > 0)
        {
            digits[--at] = More[value % More.Length];
            value /= More.Length;
        }

        text.Append(digits[at..]);
    }

    private static string Text(IReadOnlyList<SearchEntry> entries, List<string> kinds)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, TextOptions))
        {
            json.WriteStartObject();
            json.WriteStartArray("kinds");
            kinds.ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteStartArray("entries");
            foreach (var entry in entries)
            {
                json.WriteStartArray();
                json.WriteNumberValue(kinds.IndexOf(entry.Kind));
                json.WriteStringValue(entry.Title);
                json.WriteStringValue(entry.Path);
                json.WriteStringValue(entry.Target ?? string.Empty);
                json.WriteStringValue(entry.Text);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Script("text", buffer);
    }

    private static string Script(string part, ArrayBufferWriter<byte> json) =>
        $"{Callback}(\"{part}\",{Encoding.UTF8.GetString(json.WrittenSpan)});\n";

    // The index holds terms (letters, digits, apostrophes) and digits of its own alphabet, which has '<', '&' and '+':
    // relaxed escaping keeps them (and letters outside ASCII) as themselves. The text is contributed: HTML's
    // characters are escaped there ('<' as \u003C), so no "<script" or "<!--" stands in it where the single-file
    // edition inlines it in a <script> element; letters outside ASCII stay themselves (the files are UTF-8).
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonWriterOptions TextOptions = new() { Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };
}

/// <summary>The search's script files: the index, and the entries' text.</summary>
internal sealed record SearchFiles(string Index, string Text);

using System.Buffers;
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
/// entries, each followed by a count where the term occurs more than once. Gaps keep the numbers small and most are
/// one character, which is what keeps the index a fraction of the text it indexes (README, "Search").
/// </remarks>
internal static class SearchIndexWriter
{
    /// <summary>What calls the data in: <c>Marginalia.searchLoaded(part, data)</c>, defined by the query side.</summary>
    public const string Callback = "Marginalia.searchLoaded";

    public static SearchFiles Write(IReadOnlyList<SearchEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var kinds = entries.Select(e => e.Kind).Distinct(StringComparer.Ordinal).ToList();
        var postings = new SortedDictionary<string, List<(int Entry, int Count)>>(StringComparer.Ordinal);
        var lengths = new int[entries.Count];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            counts.Clear();
            Count(entries[i].Text, 1, counts, ref lengths[i]);
            Count(entries[i].Name ?? string.Empty, NameWeight, counts, ref lengths[i]);

            foreach (var (term, count) in counts)
            {
                if (!postings.TryGetValue(term, out var list))
                {
                    postings[term] = list = [];
                }

                list.Add((i, count));
            }
        }

        return new SearchFiles(Index(postings, lengths), Text(entries, kinds));
    }

    /// <summary>How many mentions in the text one word of an entry's name counts as.</summary>
    public const int NameWeight = 3;

    private static void Count(string text, int weight, Dictionary<string, int> counts, ref int length)
    {
        foreach (var token in SearchTerms.Tokens(text))
        {
            if (!SearchTerms.IsStopWord(token.Term))
            {
                counts[token.Term] = counts.GetValueOrDefault(token.Term) + weight;
                length += weight;
            }
        }
    }

    private static string Index(SortedDictionary<string, List<(int Entry, int Count)>> postings, int[] lengths)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            var text = new StringBuilder();
            foreach (var length in lengths)
            {
                Number(text, length);
            }

            json.WriteString("lengths", text.ToString());
            json.WriteString("terms", FrontCoded(postings.Keys));
            text.Clear();
            foreach (var list in postings.Values)
            {
                if (text.Length > 0)
                {
                    text.Append(' ');
                }

                // Each entry as the gap from the one before, doubled, plus 1 when a count follows (a term found
                // more than once there); most terms are found once per entry, so most postings are one character.
                var previous = 0;
                foreach (var (entry, count) in list)
                {
                    Number(text, ((entry - previous) * 2) + (count > 1 ? 1 : 0));
                    if (count > 1)
                    {
                        Number(text, count);
                    }

                    previous = entry;
                }
            }

            json.WriteString("postings", text.ToString());
            json.WriteEndObject();
        }

        return Script("index", buffer);
    }

    /// <summary>
    /// The terms, in order, each as how many characters it shares with the one before (one character, 0-9 then a-z)
    /// and the rest: "flood", "floodplain" is "0flood 5plain".
    /// </summary>
    private static string FrontCoded(IEnumerable<string> terms)
    {
        var text = new StringBuilder();
        var previous = string.Empty;
        foreach (var term in terms)
        {
            var shared = 0;
            var most = Math.Min(Math.Min(term.Length, previous.Length), Digits.Length - 1);
            while (shared < most && term[shared] == previous[shared])
            {
                shared++;
            }

            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(Digits[shared]).Append(term, shared, term.Length - shared);
            previous = term;
        }

        return text.ToString();
    }

    private const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>The last digit of a number, in base 32.</summary>
    private const string Last = "0123456789abcdefghijklmnopqrstuv";

    /// <summary>The digits before the last, so numbers need no separator between them.</summary>
    private const string More = "ABCDEFGHIJKLMNOPQRSTUVWXYZ()*+-.";

    /// <summary>A number as base-32 digits, the last from <see cref="Last"/>, the others from <see cref="More"/>.</summary>
    private static void Number(StringBuilder text, int value)
    {
        Span<char> digits = stackalloc char[8];
        var at = digits.Length;
        digits[--at] = Last[value % 32];
        value /= 32;
        while (value > 0)
        {
            digits[--at] = More[value % 32];
            value /= 32;
        }

        text.Append(digits[at..]);
    }

    private static string Text(IReadOnlyList<SearchEntry> entries, List<string> kinds)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
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

    // Relaxed: the files are UTF-8 scripts, so letters outside ASCII may stay themselves (a third of the size of
    // \u escapes); what JSON must escape still is. The single-file edition escapes "</script" where it inlines them.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

/// <summary>The search's script files: the index, and the entries' text.</summary>
internal sealed record SearchFiles(string Index, string Text);

using System.Text.Json;

namespace Marginalia.Tests.Search;

/// <summary>
/// Reads the search's script files back, as search-engine.js does, so the tests can say what the index holds:
/// every term with its entries and counts, and each entry's kind, title, place and text.
/// </summary>
internal sealed record SearchIndexReader(IReadOnlyDictionary<string, IReadOnlyList<(int Entry, int Count)>> Postings, IReadOnlyList<SearchIndexReader.Entry> Entries)
{
    private const string Last = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!#";
    private const string More = "$%&()*+,-./:;=>?@[]^_`{|}~'";
    private const string Shared = "ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&()*+,-./:;<=>?@[]^_`{|}~";

    public sealed record Entry(string Kind, string Title, string Path, string Target, string Text);

    public static SearchIndexReader Read(string indexScript, string textScript)
    {
        using var index = JsonDocument.Parse(Data(indexScript, "index"));
        using var text = JsonDocument.Parse(Data(textScript, "text"));
        var kinds = text.RootElement.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()!).ToArray();
        var entries = text.RootElement.GetProperty("entries").EnumerateArray()
            .Select(e => new Entry(kinds[e[0].GetInt32()], e[1].GetString()!, e[2].GetString()!, e[3].GetString()!, e[4].GetString()!))
            .ToList();
        var terms = Terms(index.RootElement.GetProperty("terms").GetString()!);
        var gaps = index.RootElement.GetProperty("postings").GetString()!.Split(' ');
        var counts = Numbers(index.RootElement.GetProperty("counts").GetString()!);
        var postings = new Dictionary<string, IReadOnlyList<(int, int)>>(StringComparer.Ordinal);
        var c = 0;
        for (var t = 0; t < terms.Count; t++)
        {
            var at = 0;
            postings[terms[t]] = [.. Numbers(gaps[t]).Select(gap => (at += gap, counts[c++] + 1))];
        }

        return new SearchIndexReader(postings, entries);
    }

    /// <summary>The JSON a script hands to Marginalia.searchLoaded("part", …).</summary>
    private static string Data(string script, string part)
    {
        var start = $"Marginalia.searchLoaded(\"{part}\",";
        Assert.StartsWith(start, script, StringComparison.Ordinal);
        Assert.EndsWith(");\n", script, StringComparison.Ordinal);
        return script[start.Length..^3];
    }

    private static List<string> Terms(string coded)
    {
        var terms = new List<string>();
        var previous = string.Empty;
        var at = 0;
        while (at < coded.Length)
        {
            var end = at + 1;
            while (end < coded.Length && !Shared.Contains(coded[end], StringComparison.Ordinal))
            {
                end++;
            }

            previous = previous[..Shared.IndexOf(coded[at], StringComparison.Ordinal)] + coded[(at + 1)..end];
            terms.Add(previous);
            at = end;
        }

        return terms;
    }

    private static List<int> Numbers(string text)
    {
        var numbers = new List<int>();
        var value = 0;
        foreach (var c in text)
        {
            var last = Last.IndexOf(c, StringComparison.Ordinal);
            if (last >= 0)
            {
                numbers.Add((value * Last.Length) + last);
                value = 0;
            }
            else
            {
                value = (value * More.Length) + More.IndexOf(c, StringComparison.Ordinal);
            }
        }

        return numbers;
    }
}

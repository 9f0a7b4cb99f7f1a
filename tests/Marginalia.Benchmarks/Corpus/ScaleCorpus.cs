using System.Globalization;
using System.Text;

namespace Marginalia.Benchmarks.Corpus;

/// <summary>
/// A generated essay of a chosen size, in sections and paragraphs, and notes whose quotes are drawn from it: the
/// essay's words come from a fixed vocabulary with numbered tokens mixed in; quotes hold a token, so most are unique
/// and the few whose token repeats need a prefix, as in real text. Seeded: the same size gives the same corpus.
/// </summary>
public sealed class ScaleCorpus
{
    private static readonly string[] Vocabulary =
    [
        "global", "trade", "AI", "models", "open", "data", "language", "cooperation", "borders", "networks", "research",
        "policy", "the", "of", "and", "in", "a", "to", "is", "not", "but", "with", "across", "shared", "code", "public",
        "infrastructure", "diplomacy", "markets", "platforms", "communities", "standards", "governance", "regional",
        "hubs", "talent", "compute", "datasets", "ethics", "access", "bias", "inclusion", "agency", "capacity",
    ];

    private ScaleCorpus(string essayMarkdown, IReadOnlyList<(string Id, string Quote, string? Prefix)> notes, int words)
    {
        EssayMarkdown = essayMarkdown;
        Notes = notes;
        Words = words;
    }

    public string EssayMarkdown { get; }

    public IReadOnlyList<(string Id, string Quote, string? Prefix)> Notes { get; }

    public int Words { get; }

    /// <param name="words">Essay length in words (1× is 50,000).</param>
    /// <param name="notes">How many notes (1× is 2,000).</param>
    public static ScaleCorpus Generate(int words, int notes, int seed = 2026)
    {
        var random = new Random(seed);
        var paragraphs = new List<string[]>();
        var markdown = new StringBuilder();
        var written = 0;
        var section = 0;
        while (written < words)
        {
            if (paragraphs.Count % 12 == 0)
            {
                markdown.Append(CultureInfo.InvariantCulture, $"## Section {++section} on shared code\n\n");
            }

            var length = random.Next(60, 140);
            var paragraph = new string[length];
            for (var i = 0; i < length; i++)
            {
                // One word in five is a numbered token: passages long enough to hold one are unique.
                paragraph[i] = random.Next(5) == 0 ? $"t{random.Next(1_000_000)}" : Vocabulary[random.Next(Vocabulary.Length)];
            }

            paragraph[0] = char.ToUpperInvariant(paragraph[0][0]) + paragraph[0][1..];
            paragraphs.Add(paragraph);
            markdown.Append(string.Join(' ', paragraph)).Append(".\n\n");
            written += length;
        }

        var text = markdown.ToString();
        var candidates = new List<(string Quote, string Prefix)>();
        while (candidates.Count < notes + (notes / 10) + 10)
        {
            var paragraph = paragraphs[random.Next(paragraphs.Count)];
            var start = random.Next(3, paragraph.Length - 12);
            var passage = paragraph[start..(start + random.Next(3, 12))];

            // Contributors quote distinctive passages: each quote holds a numbered token, so it is nearly always
            // unique; tokens that happen to repeat give the few quotes that need a prefix.
            if (passage.Any(w => w.Length > 1 && w[0] == 't' && char.IsAsciiDigit(w[1])))
            {
                candidates.Add((string.Join(' ', passage), string.Join(' ', paragraph[(start - 3)..start])));
            }
        }

        // Count every candidate's occurrences in one automaton pass (a search per quote would be quadratic at 10×);
        // a repeated passage gets the words before it as a prefix, as a contributor would be told to add, and is
        // dropped if even that does not decide.
        var counts = Count(text, candidates.Select(c => c.Quote).ToList());
        var withPrefix = Count(text, candidates.Select(c => c.Prefix + " " + c.Quote).ToList());
        var chosen = new List<(string, string, string?)>();
        for (var i = 0; i < candidates.Count; i++)
        {
            if (counts[i] == 1)
            {
                chosen.Add(($"n{chosen.Count}", candidates[i].Quote, null));
            }
            else if (withPrefix[i] == 1)
            {
                chosen.Add(($"n{chosen.Count}", candidates[i].Quote, candidates[i].Prefix));
            }
        }

        return new ScaleCorpus(text, chosen.Take(notes).ToList(), written);
    }

    /// <summary>The distinct numbered tokens of an essay, in order of first use: words a glossary could define.</summary>
    public static IEnumerable<string> Tokens(string essayMarkdown)
    {
        ArgumentNullException.ThrowIfNull(essayMarkdown);
        return essayMarkdown.Split([' ', '\n', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 1 && w[0] == 't' && char.IsAsciiDigit(w[1]))
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>Writes the corpus as an input folder: site.yml, essay.md and one file per note.</summary>
    public void WriteTo(string inputFolder)
    {
        Directory.CreateDirectory(Path.Combine(inputFolder, "annotations"));
        File.WriteAllText(Path.Combine(inputFolder, "site.yml"), "title: \"Scale\"\ndescription: \"A generated corpus.\"\nbase-url: \"https://scale.test/\"\n");
        File.WriteAllText(Path.Combine(inputFolder, "essay.md"), $"---\ntitle: \"Scale\"\nauthor: \"Generator\"\nlanguage: en\n---\n{EssayMarkdown}");
        foreach (var (id, quote, prefix) in Notes)
        {
            var prefixLine = prefix is null ? string.Empty : $"prefix: \"{prefix}\"\n";
            File.WriteAllText(Path.Combine(inputFolder, "annotations", id + ".md"),
                $"---\nquote: \"{quote}\"\n{prefixLine}author: generator\ncreated: 2026-11-27\n---\nA generated note on *{quote}*.\n");
        }
    }

    private static int[] Count(string text, List<string> phrases)
    {
        var counts = new int[phrases.Count];
        var first = phrases.Select((p, i) => (p, i)).GroupBy(x => x.p).ToDictionary(g => g.First().i, g => g.Select(x => x.i).ToList());
        foreach (var match in new Marginalia.Text.PhraseAutomaton(phrases).FindAll(text))
        {
            foreach (var same in first[match.Phrase])
            {
                counts[same]++;
            }
        }

        return counts;
    }
}

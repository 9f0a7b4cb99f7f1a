using System.Globalization;
using System.Text;

namespace Marginalia.Benchmarks.Corpus;

/// <summary>
/// A generated essay of a chosen size, in sections and paragraphs, with notes whose quotes are drawn from it and
/// glossary terms and initiative mentions it uses. The essay's words come from a fixed vocabulary with numbered
/// tokens mixed in; most quotes hold a token, so they are unique, and one in eight is a short everyday phrase that
/// recurs and gets the words before it as a prefix, as in real text; terms are tokens and mentions a token with its
/// next word, like the names and jargon of a real essay. Seeded: the same size gives the same corpus.
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

    private static readonly string[] Regions =
    [
        "Kenya", "Rwanda", "India", "Brazil", "Estonia", "Indonesia", "Viet Nam", "Colombia", "Germany", "Ghana", "Chile", "Global",
    ];

    private static readonly string[] InitiativeKinds = ["programme", "research-hub", "network", "standard", "fund"];

    private static readonly string[] NoteKinds = ["context", "counterpoint", "translation", "source", "fact-check"];

    private ScaleCorpus(
        string essayMarkdown,
        IReadOnlyList<(string Id, string Quote, string? Prefix)> notes,
        int words,
        IReadOnlyList<string> terms,
        IReadOnlyList<string> mentions)
    {
        EssayMarkdown = essayMarkdown;
        Notes = notes;
        Words = words;
        Terms = terms;
        Mentions = mentions;
    }

    public string EssayMarkdown { get; }

    public IReadOnlyList<(string Id, string Quote, string? Prefix)> Notes { get; }

    public int Words { get; }

    /// <summary>Glossary terms: numbered tokens the essay holds, one per term file (<c>g0</c>, <c>g1</c>…).</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>Initiative mentions: a token and the word after it, copied from the essay, one per initiative (<c>i0</c>…).</summary>
    public IReadOnlyList<string> Mentions { get; }

    /// <summary>A named size: <c>1x</c> is 50,000 words, 2,000 notes, 500 terms and 200 initiatives; <c>Nx</c> is N times each.</summary>
    public static ScaleCorpus ForSize(string size)
    {
        ArgumentNullException.ThrowIfNull(size);
        if (!size.EndsWith('x') || !int.TryParse(size.AsSpan(0, size.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
        {
            throw new ArgumentException($"a corpus size is 'real' or 'Nx' (1x, 10x…), not '{size}'", nameof(size));
        }

        return Generate(50_000 * n, 2_000 * n, 500 * n, 200 * n);
    }

    /// <param name="words">Essay length in words (1× is 50,000).</param>
    /// <param name="notes">How many notes (1× is 2,000).</param>
    /// <param name="terms">How many glossary terms (1× is 500).</param>
    /// <param name="initiatives">How many initiatives (1× is 200).</param>
    /// <param name="seed">The random seed: the same arguments give the same corpus.</param>
    public static ScaleCorpus Generate(int words, int notes, int terms = 0, int initiatives = 0, int seed = 2026)
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

            // Contributors mostly quote distinctive passages: a quote holding a numbered token is nearly always
            // unique. One in eight is a short everyday phrase ("open data and") that recurs, as the short quotes of
            // real notes do: those are the ones that need a prefix.
            var everyday = candidates.Count % 8 == 7;
            var passage = paragraph[start..(start + (everyday ? random.Next(2, 4) : random.Next(3, 12)))];
            if (everyday || passage.Any(IsToken))
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

        // Terms and initiatives take distinct tokens (two files claiming one phrase is an error), from a second random
        // stream so adding them leaves the essay and notes of a given size as they were.
        var firstUse = new Dictionary<string, (int Paragraph, int Word)>(StringComparer.Ordinal);
        for (var p = 0; p < paragraphs.Count; p++)
        {
            for (var w = 1; w < paragraphs[p].Length; w++)
            {
                if (IsToken(paragraphs[p][w]))
                {
                    firstUse.TryAdd(paragraphs[p][w], (p, w));
                }
            }
        }

        var tokens = firstUse.Keys.ToList();
        var picker = new Random(seed + 1);
        for (var i = tokens.Count - 1; i > 0; i--)
        {
            var j = picker.Next(i + 1);
            (tokens[i], tokens[j]) = (tokens[j], tokens[i]);
        }

        if (terms + initiatives > tokens.Count)
        {
            throw new ArgumentException($"{words} words hold only {tokens.Count} distinct tokens for {terms} terms and {initiatives} initiatives");
        }

        var mentions = tokens.Skip(terms).Take(initiatives).Select(token =>
        {
            var (p, w) = firstUse[token];
            var paragraph = paragraphs[p];
            return w + 1 < paragraph.Length ? $"{token} {paragraph[w + 1]}" : $"{paragraph[w - 1]} {token}";
        }).ToList();

        return new ScaleCorpus(text, chosen.Take(notes).ToList(), written, tokens.Take(terms).ToList(), mentions);
    }

    private static bool IsToken(string word) => word.Length > 1 && word[0] == 't' && char.IsAsciiDigit(word[1]);

    /// <summary>The distinct numbered tokens of an essay, in order of first use: words a glossary could define.</summary>
    public static IEnumerable<string> Tokens(string essayMarkdown)
    {
        ArgumentNullException.ThrowIfNull(essayMarkdown);
        return essayMarkdown.Split([' ', '\n', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Where(IsToken)
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>
    /// Writes the corpus as an input folder that builds with no errors: site.yml, essay.md, one note per file in
    /// annotations/, one term per file in glossary/ and one initiative per file in initiatives/. Note kinds, sources,
    /// xref links from notes to terms, aliases and case rules are mixed in so every code path of a build does work.
    /// </summary>
    public void WriteTo(string inputFolder)
    {
        var invariant = CultureInfo.InvariantCulture;
        foreach (var folder in new[] { "annotations", "glossary", "initiatives" })
        {
            Directory.CreateDirectory(Path.Combine(inputFolder, folder));
        }

        File.WriteAllText(Path.Combine(inputFolder, "site.yml"),
            "title: \"Scale\"\ndescription: \"A generated corpus.\"\nbase-url: \"https://scale.test/\"\n" +
            "glossary:\n  mark: first-per-section\ninitiatives:\n  link: first-per-section\n");
        File.WriteAllText(Path.Combine(inputFolder, "essay.md"), $"---\ntitle: \"Scale\"\nauthor: \"Generator\"\nlanguage: en\npublished: 2026-11-27\n---\n{EssayMarkdown}");
        for (var i = 0; i < Notes.Count; i++)
        {
            var (id, quote, prefix) = Notes[i];
            var kind = NoteKinds[i % NoteKinds.Length];
            var prefixLine = prefix is null ? string.Empty : $"prefix: \"{prefix}\"\n";
            var sources = kind is "source" or "fact-check"
                ? string.Create(invariant, $"sources:\n  - title: \"Source {i}\"\n    url: \"https://example.org/sources/{i}\"\n")
                : string.Empty;
            var link = Terms.Count > 0 && i % 7 == 0
                ? string.Create(invariant, $" See [the glossary](xref:glossary/g{i % Terms.Count}).")
                : string.Empty;
            File.WriteAllText(Path.Combine(inputFolder, "annotations", id + ".md"),
                $"---\nquote: \"{quote}\"\n{prefixLine}kind: {kind}\nauthor: generator\ncreated: 2026-11-{1 + (i % 27):00}\n{sources}---\nA generated note on *{quote}*.{link}\n");
        }

        for (var i = 0; i < Terms.Count; i++)
        {
            var caseLine = i % 5 == 0 ? "case: sensitive\n" : string.Empty;
            File.WriteAllText(Path.Combine(inputFolder, "glossary", string.Create(invariant, $"g{i}.md")), string.Create(invariant,
                $"---\nterm: \"{Terms[i]}\"\n{caseLine}short: \"Generated term {i}, defined in plain text.\"\nauthor: generator\ncreated: 2026-11-27\n---\nThe entry for {Terms[i]}, in Markdown with **emphasis**.\n"));
        }

        for (var i = 0; i < Mentions.Count; i++)
        {
            File.WriteAllText(Path.Combine(inputFolder, "initiatives", string.Create(invariant, $"i{i}.md")), string.Create(invariant,
                $"---\nname: \"Initiative {i}\"\nmentions: [\"{Mentions[i]}\"]\nkind: {InitiativeKinds[i % InitiativeKinds.Length]}\n" +
                $"region: \"{Regions[i % Regions.Length]}\"\nstarted: {1990 + (i % 35)}\nurl: \"https://example.org/initiatives/{i}\"\n" +
                $"summary: \"Generated initiative {i}, mentioned in the essay.\"\nauthor: generator\ncreated: 2026-11-27\n" +
                $"sources:\n  - title: \"About initiative {i}\"\n    url: \"https://example.org/about/{i}\"\n---\nThe page of initiative {i}.\n"));
        }
    }

    /// <summary>
    /// Writes a whole site folder: <c>input/</c> (the repository's own for <c>real</c>, else this generator's at the
    /// named size) and a copy of the repository's <c>theme/</c>, so <c>marginalia build --input DIR/input --theme
    /// DIR/theme</c> builds it. Returns the corpus generated, or null for <c>real</c>.
    /// </summary>
    public static ScaleCorpus? WriteSite(string size, string siteFolder, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(size);
        var input = Path.Combine(siteFolder, "input");
        if (Directory.Exists(input))
        {
            throw new IOException($"'{input}' exists: give an empty or new folder");
        }

        ScaleCorpus? corpus = null;
        if (size == "real")
        {
            CopyFolder(Path.Combine(repositoryRoot, "input"), input);
        }
        else
        {
            corpus = ForSize(size);
            corpus.WriteTo(input);
        }

        var theme = Path.Combine(siteFolder, "theme");
        if (!Directory.Exists(theme))
        {
            CopyFolder(Path.Combine(repositoryRoot, "theme"), theme);
        }

        return corpus;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
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

using System.Text.Json;
using System.Text.RegularExpressions;
using Marginalia.BrowserTests.Infrastructure;
using Marginalia.Text;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// essay-text.js reads the essay's text from the reader's DOM and mirrors Folding.cs and QuoteOccurrences.cs, so a
/// note the page writes is the note <c>new annotation</c> would write: the text it reads is essay.txt, it folds as
/// the C# folds (offsets too), and it finds the same places, prefixes and suffixes.
/// </summary>
[Collection(BuiltSite.Collection)]
public sealed partial class EssayTextScriptTests(SiteFixture site, SuggestNoteSites sites) : IClassFixture<SuggestNoteSites>
{
    private const int Seed = 4122026;
    private const int Phrases = 400;

    /// <summary>What folding treats specially: quotes, dashes and hyphens, whitespace, invisible and combining characters.</summary>
    private static readonly string[] Tricky =
    [
        "don't — “quoted” ‘single’ a -- b a - b x-y",
        "cafe\u0301 e\u0301\u0300 x\u0300\u0301 Å",
        "zero\u200Bwidth soft\u00ADhyphen \u2060joined\uFEFF",
        "a —\u200D x and a \u200D— y",
        "  leading and trailing  ",
        "tab\tand\nnewline\r\nand\u00A0no-break\u2003em\u3000ideographic",
        "\uD83D\uDE00 emoji \uD83D\uDE00\u0301",
        "- -- --- - - \u2015 \u2013",
        "″′ „‟‚‛ \"'",
        "-\u200B- and -\u00AD x",
        "\u0301 at the start, and at the end e\u200B\u0301",
    ];

    [SkippableFact]
    public async Task The_text_read_from_the_reader_is_essay_txt_with_the_same_blocks()
    {
        // Given the reader after its scripts ran (notes moved into the margin)
        await using var context = await site.NewContextAsync(1600, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await page.LoadToolsAsync();

        // When essay-text.js reads the essay
        var text = await page.EvaluateAsync<string>("() => Marginalia.essayText.index().text");
        var blocks = await page.EvaluateAsync<string[][]>("() => Marginalia.essayText.index().blocks.map(b => [b.id, String(b.start), String(b.end)])");

        // Then it is essay.txt, block for block
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(site.SiteFolder, "essay.txt")), text);
        Assert.Equal(sites.Essay.Blocks.Select(b => new[] { b.Id, b.Start.ToString(System.Globalization.CultureInfo.InvariantCulture), b.End.ToString(System.Globalization.CultureInfo.InvariantCulture) }), blocks);
    }

    [SkippableFact]
    public async Task Folding_in_the_page_gives_the_text_and_offsets_the_build_gives()
    {
        // Given the reader, the whole essay and strings made to test folding's corners
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await page.LoadToolsAsync();
        string[] samples = [sites.Essay.Text, .. Tricky];

        // When each is folded in the page
        var folded = JsonSerializer.Deserialize<List<Folded>>(await page.EvaluateAsync<string>(
            "samples => JSON.stringify(samples.map(s => Marginalia.essayText.fold(s)))", samples), JsonOptions)!;

        // Then every folded text and every character's source span is the C#'s
        for (var i = 0; i < samples.Length; i++)
        {
            var expected = Folding.Fold(samples[i]);
            Assert.Equal(expected.Text, folded[i].Text);
            var spans = Enumerable.Range(0, expected.Length).Select(n => expected.ToSource(n, n + 1)).ToList();
            Assert.Equal(spans.Select(s => s.Start), folded[i].Starts);
            Assert.Equal(spans.Select(s => s.End), folded[i].Ends);
        }
    }

    [SkippableFact]
    public async Task Quotes_are_located_with_the_prefix_or_suffix_QuoteOccurrences_gives()
    {
        // Given the reader and 400 phrases of one to four words picked from the essay with a fixed seed, with phrases
        // that repeat many times
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await page.LoadToolsAsync();
        var index = sites.Essay;
        var random = new Random(Seed);
        var words = WordPattern().Matches(index.Text).ToList();
        var phrases = new List<string> { "the world", "AI", "global", "of the", "—", "globalisation", "digital" };
        while (phrases.Count < Phrases)
        {
            var first = random.Next(words.Count);
            var last = Math.Min(words.Count - 1, first + random.Next(4));
            phrases.Add(index.Text[words[first].Index..(words[last].Index + words[last].Length)]);
        }

        // When the page locates each
        var located = JsonSerializer.Deserialize<List<List<Place>>>(await page.EvaluateAsync<string>(
            "phrases => { const ix = Marginalia.essayText.index(); return JSON.stringify(phrases.map(p => Marginalia.essayText.locate(ix, p))); }", phrases), JsonOptions)!;

        // Then every place, prefix and suffix is the C#'s, and some phrases did repeat
        for (var i = 0; i < phrases.Count; i++)
        {
            var expected = QuoteOccurrences.Locate(index, phrases[i]).Select(p => new Place(p.Start, p.End, p.BlockId, p.Prefix, p.Suffix)).ToList();
            Assert.True(expected.SequenceEqual(located[i]), $"\"{phrases[i]}\": C# {string.Join("; ", expected)}, page {string.Join("; ", located[i])}");
        }

        Assert.True(located.Count(l => l.Count > 1) > 50, $"{located.Count(l => l.Count > 1)} phrases repeat");
        Assert.Contains(located, l => l.Any(p => p.Prefix is not null));
        Assert.Contains(located, l => l.Any(p => p.Suffix is not null));
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    [GeneratedRegex(@"\S+")]
    private static partial Regex WordPattern();

    private sealed record Folded(string Text, List<int> Starts, List<int> Ends);

    private sealed record Place(int Start, int End, string BlockId, string? Prefix, string? Suffix);
}

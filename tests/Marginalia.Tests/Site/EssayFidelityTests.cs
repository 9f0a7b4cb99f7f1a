using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Site;

/// <summary>The published essay is the source text, word for word: the one promise the project never bends.</summary>
public class EssayFidelityTests : IClassFixture<BuiltSite>
{
    private readonly BuiltSite _site;

    public EssayFidelityTests(BuiltSite site) => _site = site;

    /// <summary>
    /// The source as the issue describes it: by-line (2 lines), a dateline opening the first paragraph, a two-line
    /// publisher's footer; one paragraph per line; headings are the lines without closing punctuation.
    /// </summary>
    private static (List<string> Blocks, List<string> Headings) SourceBlocks()
    {
        var lines = File.ReadAllLines(RepoPaths.Fixture("essay", "source.txt")).Where(l => l.Trim().Length > 0).ToList();
        Assert.Equal(["By", "Partha Roy"], lines.Take(2));
        Assert.Equal("moderndiplomacy", lines[^2]);
        Assert.StartsWith("For More News And Analysis", lines[^1], StringComparison.Ordinal);
        var blocks = lines.Skip(2).SkipLast(2).Select(Normalise).ToList();
        const string Dateline = "Africa-Press – Lesotho. ";
        Assert.StartsWith(Dateline, blocks[0], StringComparison.Ordinal);
        blocks[0] = blocks[0][Dateline.Length..];
        var headings = blocks.Where(b => !".?!”".Contains(b[^1], StringComparison.Ordinal)).ToList();
        return (blocks, headings);
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private IElement EssayBody() => new HtmlParser().ParseDocument(_site.Read("index.html")).QuerySelector(".essay-body")!;

    [Fact]
    public void The_rendered_essay_equals_the_source_text_block_by_block_in_order()
    {
        // Given the source blocks and the rendered essay's headings and paragraphs, permalinks and note markers left out
        var (expected, _) = SourceBlocks();
        var body = EssayBody();
        foreach (var permalink in body.QuerySelectorAll("a.permalink, a.note-ref, span.note-ref-sep").ToArray())
        {
            permalink.Remove();
        }

        // When both are read in document order
        var actual = body.QuerySelectorAll("h2, p").Select(e => Normalise(e.TextContent)).ToList();

        // Then they are the same, word for word, typographic characters included
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
    }

    [Fact]
    public void The_five_section_headings_are_h2_and_nothing_else_is_a_heading()
    {
        var (_, headings) = SourceBlocks();
        var body = EssayBody();

        Assert.Equal(5, headings.Count);
        Assert.Equal(headings, body.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Empty(body.QuerySelectorAll("h1, h3, h4, h5, h6"));
    }

    [Fact]
    public void The_opening_is_a_section_of_its_own_and_every_section_is_listed_in_the_contents()
    {
        var document = new HtmlParser().ParseDocument(_site.Read("index.html"));
        var sections = document.QuerySelectorAll(".essay-body > section.essay-section").Select(s => s.Id).ToList();

        Assert.Equal(6, sections.Count);
        Assert.Equal("s-opening", sections[0]);
        Assert.Equal(3, document.QuerySelectorAll("#s-opening > p").Length);
        Assert.Equal(sections.Select(id => "#" + id), document.QuerySelectorAll("nav.toc a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Opening", document.QuerySelector("nav.toc a")!.TextContent);
    }

    [Fact]
    public void By_line_dateline_and_footer_are_credits_not_essay_text()
    {
        var body = EssayBody().TextContent;
        var page = new HtmlParser().ParseDocument(_site.Read("index.html"));

        Assert.DoesNotContain("Africa-Press – Lesotho", body, StringComparison.Ordinal);
        Assert.DoesNotContain("moderndiplomacy", body, StringComparison.Ordinal);
        Assert.DoesNotContain("For More News", body, StringComparison.Ordinal);
        Assert.Equal("By Partha Roy", page.QuerySelector(".essay-header .byline")!.TextContent);
        Assert.Equal("First published by Modern Diplomacy; republished by Africa-Press.", page.QuerySelector(".essay-header .provenance")!.TextContent);
    }

    [Fact]
    public void Every_paragraph_has_a_stable_id_and_a_permalink_naming_it()
    {
        var paragraphs = EssayBody().QuerySelectorAll("p").ToList();

        Assert.Equal(19, paragraphs.Count);
        Assert.Equal("p-even-more-alarmingly-previous", paragraphs[1].Id);
        Assert.All(paragraphs, p =>
        {
            Assert.Matches("^p-[a-z0-9]+(-[a-z0-9]+)*$", p.Id!);
            var link = p.QuerySelector("a.permalink")!;
            Assert.Equal("#" + p.Id, link.GetAttribute("href"));
            Assert.StartsWith("Link to paragraph: ", link.GetAttribute("aria-label"), StringComparison.Ordinal);
        });
        Assert.Equal("Link to paragraph: Even more alarmingly, previous…", paragraphs[1].QuerySelector("a.permalink")!.GetAttribute("aria-label"));
        Assert.Equal(paragraphs.Count, paragraphs.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void The_title_is_shown_and_labelled_as_editorial()
    {
        var page = new HtmlParser().ParseDocument(_site.Read("index.html"));

        Assert.Equal("AI and the Unfinished Agenda of Globalisation", page.QuerySelector("h1#essay-title")!.TextContent);
        Assert.Contains("editors", page.QuerySelector(".title-note")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
    }
}

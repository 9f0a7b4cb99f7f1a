using AngleSharp.Html.Parser;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Site;

/// <summary>The repository's glossary, built into the real site.</summary>
public class GlossaryIntegrationTests : IClassFixture<BuiltSite>
{
    private readonly BuiltSite _site;

    public GlossaryIntegrationTests(BuiltSite site) => _site = site;

    [Theory]
    [InlineData("wto", "s-ai-as-a-platform-of-mutualism", "WTO")]
    [InlineData("large-language-model", "s-ai-as-a-platform-of-mutualism", "large language model")]
    [InlineData("open-source", "s-opening", "open-source")]
    [InlineData("decentralisation", "s-addressing-the-faultlines-bias-access-and-ethics", "decentralisation")]
    [InlineData("decentralisation", "s-a-new-kind-of-diplomacy", "decentralized")]
    [InlineData("data-sovereignty", "s-completing-the-unfinished-agenda-of-globalisation", "data sovereignty")]
    [InlineData("multilateralism", "s-reimagining-unity-through-shared-code", "multilateralism")]
    public void A_starter_term_is_marked_once_in_the_section_where_the_essay_uses_it(string id, string section, string text)
    {
        var page = new HtmlParser().ParseDocument(_site.Read("index.html"));

        var marks = page.QuerySelectorAll($"#{section} a.term[href='glossary/index.html#{id}']").ToList();

        var mark = Assert.Single(marks);
        Assert.Equal(text, mark.TextContent);
        Assert.Equal($"glossary/index.html#{id}", mark.GetAttribute("href"));
        Assert.Equal("doc-glossref", mark.GetAttribute("role"));
        Assert.NotNull(page.GetElementById(mark.GetAttribute("aria-describedby")!));
    }

    [Fact]
    public void Each_marked_term_has_one_tooltip_with_its_short_definition_outside_every_link()
    {
        var page = new HtmlParser().ParseDocument(_site.Read("index.html"));
        var glossary = new HtmlParser().ParseDocument(_site.Read("glossary/index.html"));
        var used = page.QuerySelectorAll("a.term").Select(a => a.GetAttribute("href")!.Split('#')[1]).Distinct().ToList();

        Assert.True(used.Count >= 10);
        foreach (var id in used)
        {
            var tip = page.GetElementById("tip-" + id)!;
            Assert.Equal("tooltip", tip.GetAttribute("role"));
            Assert.Null(tip.Closest("a"));
            Assert.Equal(glossary.GetElementById(id)!.QuerySelector(".glossary-short")!.TextContent, tip.TextContent);
        }
    }

    [Fact]
    public void Terms_are_never_marked_in_headings_links_or_inside_another_term()
    {
        var page = new HtmlParser().ParseDocument(_site.Read("index.html"));

        Assert.Empty(page.QuerySelectorAll(".essay-body h2 a.term, .essay-body a.term a, .essay-body a:not(.term) a.term"));
    }

    [Fact]
    public void The_glossary_page_is_alphabetical_and_every_appears_in_link_reaches_a_paragraph_that_uses_the_term()
    {
        var glossary = new HtmlParser().ParseDocument(_site.Read("glossary/index.html"));
        var reader = new HtmlParser().ParseDocument(_site.Read("index.html"));
        var terms = glossary.QuerySelectorAll("section[role=doc-glossary] dfn").Select(d => d.TextContent).ToList();

        Assert.Equal(terms.Order(StringComparer.OrdinalIgnoreCase), terms);
        var links = glossary.QuerySelectorAll(".glossary-uses a").ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            var href = link.GetAttribute("href")!;
            Assert.StartsWith("../index.html#p-", href, StringComparison.Ordinal);
            var paragraph = reader.GetElementById(href["../index.html#".Length..]);
            Assert.NotNull(paragraph);
            Assert.Equal("p", paragraph.LocalName);
        }

        Assert.Equal(glossary.QuerySelectorAll("nav.az a").Select(a => a.GetAttribute("href")![1..]),
            glossary.QuerySelectorAll("h3.glossary-letter").Select(h => h.Id));
    }
}

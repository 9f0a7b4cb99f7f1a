using AngleSharp.Html.Parser;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Site;

/// <summary>The repository's initiatives, built into the real site.</summary>
public class InitiativesIntegrationTests : IClassFixture<BuiltSite>
{
    private readonly BuiltSite _site;

    public InitiativesIntegrationTests(BuiltSite site) => _site = site;

    private static IEnumerable<string> Ids() =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Input, "initiatives"), "*.md").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal);

    [Fact]
    public void Every_in_the_essay_link_reaches_a_paragraph_whose_text_holds_a_mention()
    {
        var reader = new HtmlParser().ParseDocument(_site.Read("index.html"));
        Assert.True(Ids().Count() >= 5);
        foreach (var id in Ids())
        {
            var page = new HtmlParser().ParseDocument(_site.Read($"initiatives/{id}/index.html"));
            var mentions = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(Path.Combine(RepoPaths.Input, "initiatives", id + ".md")), "^mentions: \\[(.*)\\]$", System.Text.RegularExpressions.RegexOptions.Multiline)
                .Groups[1].Value.Split("\", \"").Select(m => m.Trim('"')).ToList();
            var links = page.QuerySelectorAll(".initiative-mentions a").ToList();
            Assert.NotEmpty(links);
            foreach (var link in links)
            {
                var target = reader.GetElementById(link.GetAttribute("href")!["../../index.html#".Length..]);
                Assert.NotNull(target);
                Assert.Contains(mentions, m => Marginalia.Text.Folding.Fold(target.TextContent).Text.Contains(Marginalia.Text.Folding.FoldPhrase(m), StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Notes_on_this_lists_the_notes_on_its_mentions()
    {
        var bhashini = new HtmlParser().ParseDocument(_site.Read("initiatives/bhashini/index.html"));

        Assert.Equal(["bhashini-name", "bhashini-project"], bhashini.QuerySelectorAll(".initiative-notes a").Select(a => a.GetAttribute("href")!["../../index.html#ref-".Length..]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_index_groups_initiatives_by_region_and_links_each_page()
    {
        var index = new HtmlParser().ParseDocument(_site.Read("initiatives/index.html"));

        var links = index.QuerySelectorAll(".initiatives-list h3 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(Ids().Select(id => $"../initiatives/{id}/index.html").Order(StringComparer.Ordinal), links.Order(StringComparer.Ordinal));
        Assert.Contains("India", index.QuerySelectorAll(".initiatives-region h2").Select(h => h.TextContent));
    }

    [Fact]
    public void The_reader_carries_one_preview_card_per_linked_initiative_and_links_the_index_from_its_navigation()
    {
        var reader = new HtmlParser().ParseDocument(_site.Read("index.html"));

        foreach (var mention in reader.QuerySelectorAll("a.mention"))
        {
            var card = reader.GetElementById(mention.GetAttribute("aria-describedby")!)!;
            Assert.Equal(mention.GetAttribute("data-initiative"), card.GetAttribute("data-initiative"));
            Assert.NotEmpty(card.QuerySelector(".initiative-card-summary")!.TextContent);
        }

        Assert.Contains("initiatives/index.html", reader.QuerySelectorAll(".site-nav a").Select(a => a.GetAttribute("href")));
    }
}

using AngleSharp.Html.Parser;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Pages;

/// <summary>The sources page of the real site: every cited address once, with where it is cited.</summary>
public class SourcesModelTests : IClassFixture<BuiltSite>
{
    private readonly BuiltSite _site;

    public SourcesModelTests(BuiltSite site) => _site = site;

    private static readonly string[] Folders = ["annotations", "glossary", "initiatives"];

    private static HashSet<string> CitedUrls() =>
        Folders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepoPaths.Input, folder), "*.md"))
            .SelectMany(file => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), "^    url: \"([^\"]+)\"", System.Text.RegularExpressions.RegexOptions.Multiline))
            .Select(m => new Uri(m.Groups[1].Value).AbsoluteUri)
            .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Every_cited_address_is_listed_exactly_once()
    {
        var page = new HtmlParser().ParseDocument(_site.Read("sources/index.html"));
        var listed = page.QuerySelectorAll(".sources-list > li > a").Select(a => a.GetAttribute("href")!).ToList();

        Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
        Assert.True(CitedUrls().SetEquals(listed));
    }

    [Fact]
    public void Each_source_links_to_every_place_that_cites_it()
    {
        var page = new HtmlParser().ParseDocument(_site.Read("sources/index.html"));
        var reader = new HtmlParser().ParseDocument(_site.Read("index.html"));

        foreach (var item in page.QuerySelectorAll(".sources-list > li"))
        {
            var url = item.QuerySelector("a")!.GetAttribute("href")!;
            foreach (var cited in item.QuerySelectorAll(".source-cited a"))
            {
                var href = cited.GetAttribute("href")!;
                if (href.StartsWith("../index.html#", StringComparison.Ordinal))
                {
                    // A note: its entry in the reader cites this address
                    var note = reader.GetElementById(href["../index.html#".Length..])!;
                    Assert.Contains(url, note.QuerySelectorAll(".note-sources a").Select(a => a.GetAttribute("href")));
                }
            }
        }
    }

    [Fact]
    public void The_contributors_page_lists_every_author_with_links_to_what_they_wrote()
    {
        var page = new HtmlParser().ParseDocument(_site.Read("contributors/index.html"));
        var authors = Folders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepoPaths.Input, folder), "*.md"))
            .Select(file => System.Text.RegularExpressions.Regex.Match(File.ReadAllText(file), "^author: \"?([A-Za-z0-9-]+)\"?$", System.Text.RegularExpressions.RegexOptions.Multiline).Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(authors.Order(StringComparer.OrdinalIgnoreCase).Select(a => "@" + a), page.QuerySelectorAll("section.contributor h2").Select(h => h.TextContent));
        var links = page.QuerySelectorAll("section.contributor .contributor-kind a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(Directory.EnumerateFiles(Path.Combine(RepoPaths.Input, "annotations"), "*.md").Count(), links.Count(l => l!.StartsWith("../index.html#note-", StringComparison.Ordinal)));
        Assert.Contains("../glossary/index.html#wto", links);
        Assert.Contains("../initiatives/bhashini/index.html", links);
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Discovery;

public partial class DiscoveryTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    private const string Base = "https://marginalia.netlify.app/";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public void The_sitemap_lists_every_page_but_the_404_with_absolute_addresses_reader_first()
    {
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = XDocument.Parse(site.Read("sitemap.xml")).Descendants(ns + "loc").Select(l => l.Value).ToList();

        Assert.Equal(Base, locations[0]);
        Assert.Contains(Base + "notes/", locations);
        Assert.Contains(Base + "initiatives/bhashini/", locations);
        Assert.DoesNotContain(locations, l => l.Contains("404", StringComparison.Ordinal));
        var pages = Directory.EnumerateFiles(site.OutputDir, "*.html", SearchOption.AllDirectories)
            .Count(f => !f.EndsWith("404.html", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}downloads{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        Assert.Equal(pages, locations.Count);
    }

    [Fact]
    public void Robots_allows_everything_and_names_the_sitemap()
    {
        Assert.Equal($"User-agent: *\nAllow: /\n\nSitemap: {Base}sitemap.xml\n", site.Read("robots.txt"));
    }

    [Fact]
    public void The_feed_has_one_entry_per_contributed_note_newest_first()
    {
        var feed = XDocument.Parse(site.Read("feed.xml")).Root!;
        var entries = feed.Elements(Atom + "entry").ToList();
        var notes = Directory.GetFiles(Path.Combine(RepoPaths.Input, "annotations"), "*.md");

        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal(Base + "feed.xml", feed.Element(Atom + "id")!.Value);
        Assert.Equal(notes.Length, entries.Count);
        var updated = entries.Select(e => e.Element(Atom + "updated")!.Value).ToList();
        Assert.Equal(updated.OrderByDescending(u => u, StringComparer.Ordinal), updated);
        Assert.Equal(updated[0], feed.Element(Atom + "updated")!.Value);
        var hubs = entries.Single(e => e.Element(Atom + "id")!.Value == Base + "#note-african-ai-hubs");
        Assert.Equal("Fact check on “African AI research hubs are being built in Nairobi and Kigali.”", hubs.Element(Atom + "title")!.Value);
        Assert.Equal("marginalia-editors", hubs.Element(Atom + "author")!.Element(Atom + "name")!.Value);
    }

    [Fact]
    public async Task A_note_bodys_link_to_the_site_is_absolute_in_the_feed()
    {
        // A note of the test's own, added to a copy, so the test depends neither on which repository notes link into
        // the site nor on where their dates place them in the feed.
        using var copy = TempSite.CopyOfRepository();
        copy.Write("input/annotations/feed-link.md", "---\nquote: \"Coders from war-torn regions\"\nauthor: jdoe\ncreated: 2026-11-28\n---\nSee [the glossary](xref:glossary/wto).\n");

        var build = await copy.BuildAsync();

        Assert.True(build.Succeeded, string.Join('\n', build.Diagnostics));
        var entry = XDocument.Parse(copy.Read("output/feed.xml")).Root!.Elements(Atom + "entry")
            .Single(e => e.Element(Atom + "id")!.Value == Base + "#note-feed-link");
        Assert.Contains($"<a href=\"{Base}glossary/index.html#wto\">the glossary</a>", entry.Element(Atom + "content")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_feeds_newest_date_is_the_newest_note_date_in_the_input_not_the_clock()
    {
        var dates = Directory.GetFiles(Path.Combine(RepoPaths.Input, "annotations"), "*.md")
            .SelectMany(f => DateLine().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Max(StringComparer.Ordinal);

        Assert.Equal(dates + "T00:00:00Z", XDocument.Parse(site.Read("feed.xml")).Root!.Element(Atom + "updated")!.Value);
    }

    [Fact]
    public void The_reader_describes_the_essay_as_a_schema_org_article_based_on_the_original()
    {
        var json = JsonLd().Match(site.Read("index.html"));
        Assert.True(json.Success);
        using var article = JsonDocument.Parse(json.Groups[1].Value);
        var root = article.RootElement;

        Assert.Equal("Article", root.GetProperty("@type").GetString());
        Assert.Equal("AI and the Unfinished Agenda of Globalisation", root.GetProperty("headline").GetString());
        Assert.Equal("Partha Roy", root.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("Marginalia", root.GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal("Modern Diplomacy", root.GetProperty("isBasedOn").GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal(Base, root.GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("index.html", "article", Base)]
    [InlineData("notes/index.html", "website", Base + "notes/")]
    [InlineData("initiatives/bhashini/index.html", "website", Base + "initiatives/bhashini/")]
    public void Every_page_has_open_graph_and_twitter_card_tags(string page, string type, string url)
    {
        var html = site.Read(page);
        var title = Regex.Match(html, "<title>(.*?) · ").Groups[1].Value;

        Assert.Contains($"<meta property=\"og:type\" content=\"{type}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:url\" content=\"{url}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"canonical\" href=\"{url}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:title\" content=\"{title}\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"twitter:card\" content=\"summary\">", html, StringComparison.Ordinal);
        Assert.Matches("<meta name=\"description\" content=\"[^\"]{20,}\">", html);
        Assert.Matches("<html lang=\"en\">", html);
    }

    [GeneratedRegex("(?m)^(?:created|updated): \"?(\\d{4}-\\d{2}-\\d{2})")]
    private static partial Regex DateLine();

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>")]
    private static partial Regex JsonLd();
}

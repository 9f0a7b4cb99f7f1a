using AngleSharp.Html.Parser;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Site;

/// <summary>The full annotated edition: the content the editorial issue asks for, as the real build publishes it.</summary>
public class EditionTests : IClassFixture<BuiltSite>
{
    private readonly BuiltSite _site;

    public EditionTests(BuiltSite site) => _site = site;

    [Fact]
    public void At_least_thirty_notes_with_at_least_one_in_every_section_including_the_opening()
    {
        var page = new HtmlParser().ParseDocument(_site.Read("index.html"));
        var sections = page.QuerySelectorAll(".essay-body > section.essay-section").ToList();

        Assert.True(page.QuerySelectorAll(".essay-body a.note-ref").Length >= 30);
        Assert.Equal(6, sections.Count);
        Assert.All(sections, s => Assert.NotEmpty(s.QuerySelectorAll("a.note-ref")));
    }

    [Fact]
    public void Every_fact_check_and_source_note_cites_at_least_one_source()
    {
        var page = new HtmlParser().ParseDocument(_site.Read("index.html"));
        var checkedNotes = page.QuerySelectorAll("li.note--fact-check, li.note--source").ToList();

        Assert.NotEmpty(checkedNotes);
        Assert.All(checkedNotes, n => Assert.NotEmpty(n.QuerySelectorAll(".note-sources a[href^='http']")));
    }

    [Fact]
    public void At_least_twenty_five_glossary_terms_each_with_a_definition_an_entry_and_a_source()
    {
        var glossary = new HtmlParser().ParseDocument(_site.Read("glossary/index.html"));
        var entries = glossary.QuerySelectorAll(".glossary-entry").ToList();

        Assert.True(entries.Count >= 25);
        Assert.All(entries, e =>
        {
            Assert.NotEmpty(e.QuerySelector(".glossary-short")!.TextContent.Trim());
            Assert.NotEmpty(e.QuerySelector(".glossary-body")!.TextContent.Trim());
            Assert.NotEmpty(e.QuerySelectorAll(".note-sources a[href^='http']"));
        });
    }

    [Fact]
    public void Every_initiative_page_cites_a_source_beyond_its_own_site()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Input, "initiatives"), "*.md"))
        {
            var id = Path.GetFileNameWithoutExtension(file);
            var page = new HtmlParser().ParseDocument(_site.Read($"initiatives/{id}/index.html"));
            var official = page.QuerySelector(".facts a")?.GetAttribute("href");
            var hosts = page.QuerySelectorAll(".note-sources a").Select(a => new Uri(a.GetAttribute("href")!).Host).ToList();

            Assert.Contains(hosts, host => official is null || host != new Uri(official).Host);
        }
    }

    [Fact]
    public void The_about_page_credits_the_author_and_publishers_and_says_how_to_contribute()
    {
        var about = new HtmlParser().ParseDocument(_site.Read("about/index.html")).QuerySelector("main")!.TextContent;

        Assert.Contains("Partha Roy", about, StringComparison.Ordinal);
        Assert.Contains("Modern Diplomacy", about, StringComparison.Ordinal);
        Assert.Contains("Africa-Press", about, StringComparison.Ordinal);
        Assert.Contains("input/annotations/", about, StringComparison.Ordinal);
        Assert.Contains("@marginalia-editors", about, StringComparison.Ordinal);
    }
}

using System.IO.Compression;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Marginalia.Tests.Hostile;

/// <summary>
/// An initiative whose body starts with <c># Heading</c> (and goes on with deeper and skipped levels) is published
/// with its headings under the page's own: every HTML page of the site and every EPUB chapter still has exactly one
/// h1, and a body's headings start one level under the heading of the section that holds them and never skip a level.
/// </summary>
public class HostileHeadingTests
{
    private const string Body = "# What it is\n\nText.\n\n### How it works\n\nMore.\n\n# Who runs it\n\nEnd.\n";

    [Fact]
    public async Task Body_headings_sit_under_the_page_heading_in_every_output()
    {
        // Given an initiative whose body uses # and ### headings
        var (site, result) = await HostileFiles.BuildWithAsync(true, ("input/initiatives/hostile-headings.md", HostileFiles.Initiative(Body, name: "Hostile headings")));
        using var _ = site;
        Assert.Empty(HostileFiles.Errors(result));

        // Then every page of the site has exactly one h1
        var parser = new HtmlParser();
        foreach (var file in Directory.EnumerateFiles(site.OutputDir, "*.html", SearchOption.AllDirectories))
        {
            var document = parser.ParseDocument(File.ReadAllText(file));
            Assert.True(document.QuerySelectorAll("h1").Length == 1, $"{Path.GetRelativePath(site.OutputDir, file)} has {document.QuerySelectorAll("h1").Length} h1");
        }

        // And on the initiative's page the body's headings start at h2, under the page's h1, without skipping
        var page = parser.ParseDocument(site.Read("output/initiatives/hostile-headings/index.html"));
        Assert.Equal(["h2", "h3", "h2"], page.QuerySelectorAll(".initiative-body h1, .initiative-body h2, .initiative-body h3, .initiative-body h4, .initiative-body h5, .initiative-body h6").Select(h => h.LocalName));

        // And in the EPUB's initiatives chapter (the chapter's h1, each initiative's h2) they start at h3
        var epub = Directory.EnumerateFiles(Path.Combine(site.OutputDir, "downloads"), "*.epub").Single();
        using var zip = ZipFile.OpenRead(epub);
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xhtml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            var xhtml = reader.ReadToEnd();
            Assert.True(Regex.Count(xhtml, "<h1[ >]") <= 1, $"{entry.FullName} has more than one h1");
            if (entry.Name == "initiatives.xhtml")
            {
                var chapter = parser.ParseDocument(xhtml);
                var section = chapter.QuerySelectorAll("section.initiative").Single(s => s.QuerySelector("h2")?.TextContent == "Hostile headings");
                Assert.Equal(["h2", "h3", "h4", "h3"], section.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName));
            }
        }
    }
}

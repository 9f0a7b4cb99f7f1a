using Marginalia.Tests.Support;

namespace Marginalia.Tests.Site;

public class SiteBuilderTests
{
    [Fact]
    public async Task The_repository_input_builds_the_reader_about_and_404_pages_with_fingerprinted_assets()
    {
        using var site = TempSite.CopyOfRepository();

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var files = site.Snapshot().Keys.ToList();
        Assert.Contains("index.html", files);
        Assert.Contains("about/index.html", files);
        Assert.Contains("404.html", files);
        Assert.Contains(files, f => System.Text.RegularExpressions.Regex.IsMatch(f, "^assets/site\\.[0-9a-f]{8}\\.css$"));
        Assert.False(Directory.Exists(site.OutputDir + ".staging"));
    }

    [Fact]
    public async Task Broken_essay_front_matter_is_reported_at_its_line_and_leaves_the_output_untouched()
    {
        // Given a site built once, then an unquoted ': ' in a front-matter value on line 2
        using var site = TempSite.CopyOfRepository();
        Assert.True((await site.BuildAsync()).Succeeded);
        var before = site.Snapshot();
        site.Edit("input/essay.md", "title: \"AI and the Unfinished Agenda of Globalisation\"", "title: AI: the Unfinished Agenda");

        // When it builds again
        var result = await site.BuildAsync();

        // Then the error names the file, line and column, and the output is byte-identical
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("input/essay.md:2:10: error MG0106: invalid YAML: the ': ' in the value of 'title' makes YAML read a second field on one line", error.ToString());
        Assert.Equal("put the whole value in double quotes: title: \"AI: the Unfinished Agenda\"", error.Hint);
        Assert.Equal(before, site.Snapshot());
    }

    [Fact]
    public async Task Every_error_of_a_build_is_reported_together()
    {
        // Given three independent problems in three files
        using var site = TempSite.CopyOfRepository();
        site.Edit("input/essay.md", "author: \"Partha Roy\"", "auther: \"Partha Roy\"");
        site.Edit("input/site.yml", "branch:", "brnch:");
        site.Edit("theme/layouts/about.liquid", "{% if site.repository != \"\" %}", "{% if site.repository != \"\" ");

        // When it builds
        var result = await site.BuildAsync();

        // Then all are reported, sorted by file
        Assert.Equal(
            ["input/essay.md", "input/essay.md", "input/site.yml", "theme/layouts/about.liquid"],
            result.Diagnostics.Select(d => d.Location.Path));
        Assert.Equal(["MG0111", "MG0110", "MG0110", "MG0402"], result.Diagnostics.Select(d => d.Code.Id));
        Assert.Empty(site.Snapshot());
    }

    [Fact]
    public async Task A_failed_build_leaves_the_previous_output_byte_identical()
    {
        using var site = TempSite.CopyOfRepository();
        Assert.True((await site.BuildAsync()).Succeeded);
        var before = site.Snapshot();
        site.WriteBytes("input/essay.md", [.. File.ReadAllBytes(site.PathOf("input/essay.md")), 0xC3, 0x28]);

        var result = await site.BuildAsync();

        Assert.Equal("MG0103", Assert.Single(result.Diagnostics).Code.Id);
        Assert.Equal(before, site.Snapshot());
    }

    [Fact]
    public async Task Two_builds_of_the_same_input_are_byte_identical()
    {
        using var first = TempSite.CopyOfRepository();
        using var second = TempSite.CopyOfRepository();

        Assert.True((await first.BuildAsync()).Succeeded);
        Assert.True((await second.BuildAsync()).Succeeded);
        Assert.True((await second.BuildAsync()).Succeeded);

        // Every kind of output is part of the comparison: pages, feed, sitemap, annotations, editions, offline files
        var snapshot = first.Snapshot();
        var files = snapshot.Keys.ToList();
        Assert.Contains("index.html", files);
        Assert.Contains("about/index.html", files);
        Assert.Contains("notes/index.html", files);
        Assert.Contains("404.html", files);
        Assert.Contains("feed.xml", files);
        Assert.Contains("sitemap.xml", files);
        Assert.Contains("annotations.jsonld", files);
        Assert.Contains("downloads/ai-and-the-unfinished-agenda-of-globalisation.epub", files);
        Assert.Contains("downloads/ai-and-the-unfinished-agenda-of-globalisation.html", files);
        Assert.Contains("sw.js", files);
        Assert.Contains("manifest.webmanifest", files);
        Assert.Equal(files, second.Snapshot().Keys);
        foreach (var (file, bytes) in second.Snapshot())
        {
            Assert.True(bytes.AsSpan().SequenceEqual(snapshot[file]), $"{file} differs between the two builds");
        }
    }

    [Fact]
    public async Task A_missing_essay_is_an_error_naming_it()
    {
        using var site = TempSite.CopyOfRepository();
        File.Delete(site.PathOf("input/essay.md"));

        var result = await site.BuildAsync();

        Assert.Equal("input/essay.md:1:1: error MG0101: the essay is missing", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public async Task A_missing_input_folder_is_an_error()
    {
        using var site = TempSite.Empty();

        var result = await site.BuildAsync();

        Assert.Equal("input:1:1: error MG0101: the input folder does not exist", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public async Task A_liquid_syntax_error_in_a_layout_is_reported_at_its_line_and_column()
    {
        using var site = TempSite.CopyOfRepository();
        site.Write("theme/layouts/404.liquid", "<main id=\"main\">\n  <h1>{{ page.title }}</h1>\n  {% if page.title %}\n</main>\n");

        var result = await site.BuildAsync();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("theme/layouts/404.liquid", error.Location.Path);
        Assert.Equal("MG0402", error.Code.Id);
        Assert.Equal(4, error.Location.Line);
        Assert.Equal("Liquid syntax error: '{% endif %}' was expected", error.Message);
    }

    [Fact]
    public async Task A_missing_layout_is_an_error()
    {
        using var site = TempSite.CopyOfRepository();
        File.Delete(site.PathOf("theme/layouts/about.liquid"));

        var result = await site.BuildAsync();

        Assert.Equal("theme/layouts/about.liquid:1:1: error MG0401: layout 'about' is missing from the theme", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public async Task Check_validates_everything_and_writes_nothing()
    {
        using var site = TempSite.CopyOfRepository();

        var result = await site.BuildAsync(write: false);

        Assert.True(result.Succeeded);
        Assert.False(Directory.Exists(site.OutputDir));
        Assert.False(Directory.Exists(site.OutputDir + ".staging"));
    }

    [Fact]
    public async Task Every_internal_link_names_a_file_and_the_404_page_uses_root_relative_links()
    {
        using var site = TempSite.CopyOfRepository();
        Assert.True((await site.BuildAsync()).Succeeded);
        var parser = new AngleSharp.Html.Parser.HtmlParser();

        foreach (var page in new[] { "index.html", "about/index.html" })
        {
            var links = parser.ParseDocument(site.Read("output/" + page)).QuerySelectorAll("a[href], link[href]")
                .Select(a => a.GetAttribute("href")!).Where(h => !h.StartsWith("http", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(links);
            Assert.All(links, href => Assert.False(href.StartsWith('/') || href.EndsWith('/'), $"{page}: {href}"));
        }

        var notFound = parser.ParseDocument(site.Read("output/404.html"));
        Assert.Equal("/index.html", notFound.QuerySelector(".site-name")!.GetAttribute("href"));
        Assert.StartsWith("/assets/site.", notFound.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"), StringComparison.Ordinal);
    }
}

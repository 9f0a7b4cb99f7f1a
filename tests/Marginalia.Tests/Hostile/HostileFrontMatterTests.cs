namespace Marginalia.Tests.Hostile;

/// <summary>
/// Front-matter values pages show. Fields that must be plain text, a handle, a tag or an address refuse markup and
/// foreign schemes with their code at the value; free text (term, aliases, name, region, kind, source titles) is
/// accepted and shown escaped, so it reads as the characters typed and never becomes markup.
/// </summary>
public class HostileFrontMatterTests
{
    private const string Script = "<script>window.__pwned=1</script>";
    private const string EscapedScript = "&lt;script&gt;window.__pwned=1&lt;/script&gt;";

    public static TheoryData<string, string, string> Rejected => new()
    {
        // file, text, expected error "CODE line:column"
        { "input/glossary/hostile-short.md", HostileFiles.Term(definition: "<b onclick=window.__pwned=1>hi</b>"), "MG0112 3:8" },
        { "input/glossary/hostile-short-entity.md", HostileFiles.Term(definition: "&#60;script&#62;"), "MG0112 3:8" },
        { "input/initiatives/hostile-summary.md", HostileFiles.Initiative(summary: "<i style=x:expression(window.__pwned=1)>x</i>"), "MG0112 4:10" },
        { "input/annotations/hostile-author.md", HostileFiles.Note("Body.\n", author: "\"<b>mallory</b>\""), "MG0112 3:9" },
        { "input/annotations/hostile-lang.md", HostileFiles.Note("Body.\n", "lang: \"en\\\" onmouseover=\\\"window.__pwned=1\"\n"), "MG0112 5:7" },
        { "input/initiatives/hostile-url.md", HostileFiles.Initiative(extra: "url: \"javascript:window.__pwned=1\"\n"), "MG0112 6:6" },
        { "input/initiatives/hostile-url-data.md", HostileFiles.Initiative(extra: "url: \"data:text/html,<script>window.__pwned=1</script>\"\n"), "MG0112 6:6" },
        { "input/annotations/hostile-source-url.md", HostileFiles.Note("Body.\n", "sources:\n  - title: \"t\"\n    url: \"javascript://x.test/%0Awindow.__pwned=1\"\n"), "MG0112 7:10" },
        { "input/glossary/hostile-source-url.md", HostileFiles.Term(extra: "sources:\n  - title: \"t\"\n    url: \"JaVaScRiPt:window.__pwned=1\"\n"), "MG0112 7:10" },
        { "input/initiatives/hostile-bidi-name.md", HostileFiles.Initiative(name: "Bha\u202Eini"), "MG0614 2:11" },
        { "input/glossary/hostile-zero-width-term.md", HostileFiles.Term(term: "W\u200BTO"), "MG0614 2:9" },
        { "input/glossary/hostile-bidi-alias.md", HostileFiles.Term(extra: "aliases: [\"a\u2066b\"]\n"), "MG0614 5:13" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task A_hostile_value_is_rejected_at_its_place(string path, string text, string expected)
    {
        // Given a copy of the repository with a file whose value is hostile
        var (site, result) = await HostileFiles.BuildWithAsync(false, (path, text));
        using var _ = site;

        // Then the value is refused at its line and column
        Assert.Equal([$"{expected[..6]} {path}:{expected[7..]}"], HostileFiles.Errors(result));
    }

    [Fact]
    public async Task Markup_in_a_term_and_its_aliases_is_shown_as_text_on_the_glossary_page()
    {
        // Given a term and an alias that are markup
        var (site, result) = await HostileFiles.BuildWithAsync(true,
            ("input/glossary/hostile-term.md", HostileFiles.Term(term: "<img src=x onerror=window.__pwned=1>", extra: $"aliases: [\"{Script}\"]\n",
                body: "Body.\n")));
        using var _ = site;

        // Then the build succeeds (the unused term is only a warning) and both read as text
        Assert.Empty(HostileFiles.Errors(result));
        var glossary = site.Read("output/glossary/index.html");
        Assert.Contains($"<dt><dfn>&lt;img src=x onerror=window.__pwned=1&gt;</dfn> <span class=\"glossary-aliases\">(also {EscapedScript})</span></dt>", glossary, StringComparison.Ordinal);
        Assert.Contains("<a href=\"../glossary/index.html#hostile-term\">&lt;img src=x onerror=window.__pwned=1&gt;</a>", site.Read("output/contributors/index.html"), StringComparison.Ordinal);
        AssertNoMarkupFrom(site);
    }

    [Fact]
    public async Task Markup_in_an_initiatives_name_kind_and_source_title_is_shown_as_text()
    {
        // Given an initiative whose free-text fields are markup and attribute breakouts (region is no free text: a
        // name outside its vocabulary is refused, see RegionFieldTests)
        var (site, result) = await HostileFiles.BuildWithAsync(true,
            ("input/initiatives/hostile-name.md", HostileFiles.Initiative(name: Script,
                extra: "kind: \"\\\" onmouseover=\\\"window.__pwned=1\"\nsources:\n  - title: \"<style>*{x:expression(window.__pwned=1)}</style>\"\n    url: \"https://x.test/?a=1&b=<2>\"\n")));
        using var _ = site;

        // Then every place shows the characters, escaped
        Assert.Empty(HostileFiles.Errors(result));
        var page = site.Read("output/initiatives/hostile-name/index.html");
        Assert.Contains($"<title>{EscapedScript} · Marginalia</title>", page, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:title\" content=\"{EscapedScript}\">", page, StringComparison.Ordinal);
        Assert.Contains($"<h1 id=\"page-title\">{EscapedScript}</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<dd>&quot; onmouseover=&quot;window.__pwned=1</dd>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;style&gt;*{x:expression(window.__pwned=1)}&lt;/style&gt;", page, StringComparison.Ordinal);
        Assert.Contains("href=\"https://x.test/?a=1&amp;b=%3C2%3E\"", page, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"initiative-card-name\">{EscapedScript}</p>", site.Read("output/index.html"), StringComparison.Ordinal);
        Assert.Contains($"<h3><a href=\"../initiatives/hostile-name/index.html\">{EscapedScript}</a></h3>", site.Read("output/initiatives/index.html"), StringComparison.Ordinal);
        AssertNoMarkupFrom(site);
    }

    /// <summary>No page carries the payloads as markup: no script, style element or handler attribute came through.</summary>
    private static void AssertNoMarkupFrom(Support.TempSite site)
    {
        foreach (var file in Directory.EnumerateFiles(site.OutputDir, "*.html", SearchOption.AllDirectories))
        {
            var html = File.ReadAllText(file);
            Assert.DoesNotContain("<script>window", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<style>*", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<svg onload", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"<[a-zA-Z][^>]*\son[a-z]+\s*=", html);
        }
    }
}

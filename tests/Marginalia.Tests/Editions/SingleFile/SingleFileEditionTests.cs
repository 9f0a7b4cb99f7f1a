using System.Text.RegularExpressions;
using Marginalia.Editions.SingleFile;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Editions.SingleFile;

public partial class SingleFileEditionTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    private const string Path = "downloads/ai-and-the-unfinished-agenda-of-globalisation.html";

    [Fact]
    public void The_built_edition_needs_no_other_file_and_holds_every_note_of_the_reader()
    {
        var html = site.Read(Path);
        var reader = site.Read("index.html");

        Assert.DoesNotMatch("<link[^>]+rel=\"stylesheet\"", html);
        Assert.DoesNotMatch("<script[^>]+src=", html);
        Assert.DoesNotContain("rel=\"manifest\"", html, StringComparison.Ordinal);
        Assert.Equal(Regex.Count(reader, "<link rel=\"stylesheet\""), Regex.Count(html, "<style>"));
        Assert.All(Attributes().Matches(html).Select(m => m.Groups[2].Value), value => Assert.Matches("^(#|https://|http://|mailto:|data:)", value));
        Assert.Equal(Regex.Count(reader, "<li id=\"note-"), Regex.Count(html, "<li id=\"note-"));
        Assert.Equal(Regex.Count(reader, "class=\"term-tip\""), Regex.Count(html, "class=\"term-tip\""));
    }

    [Fact]
    public void Scripts_move_to_the_end_of_the_body_and_links_to_other_pages_lead_to_the_live_site()
    {
        var files = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal)
        {
            ["assets/a.css"] = "p { color: red } /* </style> */"u8.ToArray(),
            ["assets/a.js"] = "document.body.dataset.ran = 'yes'; // </script>"u8.ToArray(),
            ["assets/i.svg"] = "<svg/>"u8.ToArray(),
        };

        var html = SingleFileEdition.Create(
            "<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"assets/a.css\"><link rel=\"icon\" href=\"assets/i.svg\"><link rel=\"manifest\" href=\"m.webmanifest\"><script src=\"assets/a.js\" defer></script></head>" +
            "<body><p data-site-only>Offline status</p><a href=\"notes/index.html#note-x\">notes</a> <a href=\"#p-a\">here</a></body></html>",
            files,
            new Uri("https://marginalia.netlify.app/"));

        Assert.Equal(
            "<!DOCTYPE html>\n<html><head><style>p { color: red } /* <\\/style> */</style><link rel=\"icon\" href=\"data:image/svg+xml;base64,PHN2Zy8+\"></head>" +
            "<body><a href=\"https://marginalia.netlify.app/notes/index.html#note-x\">notes</a> <a href=\"#p-a\">here</a><script>document.body.dataset.ran = 'yes'; // <\\/script></script></body></html>\n",
            html);
    }

    [Fact]
    public void The_readers_tools_which_the_site_loads_on_first_use_are_inlined_after_the_pages_scripts()
    {
        var files = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal)
        {
            ["assets/page.js"] = "page()"u8.ToArray(),
            ["assets/tools.js"] = "tools()"u8.ToArray(),
        };

        var html = SingleFileEdition.Create(
            "<!DOCTYPE html><html><head><script src=\"assets/page.js\" defer></script></head>" +
            "<body><div class=\"essay-body\" data-tools=\"assets/tools.js\"><p>Text</p></div></body></html>",
            files,
            new Uri("https://marginalia.netlify.app/"));

        // Without data-tools, Marginalia.tools has nothing to load: the tools are already there
        Assert.Equal(
            "<!DOCTYPE html>\n<html><head></head><body><div class=\"essay-body\"><p>Text</p></div><script>page()</script><script>tools()</script></body></html>\n",
            html);
    }

    [Fact]
    public void A_site_only_element_goes_with_all_it_holds_however_deep_and_one_with_no_end_tag_loses_only_its_tag()
    {
        var files = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal) { ["assets/a.js"] = "a()"u8.ToArray() };

        var html = SingleFileEdition.Create(
            "<!DOCTYPE html>\n<html><head><link rel=\"manifest\" href=\"m.webmanifest\"></head>\n"
            + "<body><div data-site-only><div><div>x</div><script src=\"assets/a.js\"></script></div><br></div>"
            + "<p>kept</p><section data-site-only><p>held</p><a href=\"#p-a\">here</a></body></html>\n",
            files,
            new Uri("https://marginalia.netlify.app/"));

        // The div goes whole, and with it its script, which is neither kept nor inlined; the section, which never
        // ends, loses only its tag
        Assert.Equal(
            "<!DOCTYPE html>\n<html><head></head>\n<body><p>kept</p><p>held</p><a href=\"#p-a\">here</a></body></html>\n",
            html);
    }

    [Fact]
    public void Tags_the_edition_would_write_anew_go_with_the_site_only_element_that_holds_them_and_the_rest_are_rewritten()
    {
        var files = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal) { ["assets/i.svg"] = "<svg/>"u8.ToArray() };

        var html = SingleFileEdition.Create(
            "<!DOCTYPE html>\n<html><head></head>\n<body><nav data-site-only><a href=\"about/index.html\">About</a><img src=\"assets/i.svg\" alt=\"\"></nav>"
            + "<!-- kept --><a href=\"about/index.html\" class=\"x\">About</a> <img src=\"assets/i.svg\" alt=\"Icon\"></body></html>\n",
            files,
            new Uri("https://marginalia.netlify.app/"));

        Assert.Equal(
            "<!DOCTYPE html>\n<html><head></head>\n<body><!-- kept --><a href=\"https://marginalia.netlify.app/about/index.html\" class=\"x\">About</a> "
            + "<img src=\"data:image/svg+xml;base64,PHN2Zy8+\" alt=\"Icon\"></body></html>\n",
            html);
    }

    [Fact]
    public void The_editions_ids_and_links_are_those_of_its_written_page()
    {
        // Given the built reader page and the files it uses
        var files = Directory.EnumerateFiles(site.OutputDir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => System.IO.Path.GetRelativePath(site.OutputDir, f).Replace('\\', '/'), f => (ReadOnlyMemory<byte>)File.ReadAllBytes(f), StringComparer.Ordinal);

        // When the edition is made
        var result = SingleFileEdition.Create(site.Read("index.html"), files, new Uri("https://marginalia.netlify.app/"), SingleFileBudget.Unlimited);

        // Then the anchors it reports, known without parsing it, are those a parse of the edition finds
        var parsed = Marginalia.Content.HtmlAnchors.OfDocument(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(result.Html!));
        Assert.Equal(parsed.Ids, result.Anchors.Ids);
        Assert.Equal(parsed.Links, result.Anchors.Links);
        Assert.True(parsed.Ids.Count > 100, $"{parsed.Ids.Count} ids");
        Assert.Contains(parsed.Links, l => l.StartsWith('#'));
    }

    [GeneratedRegex("(href|src)=\"([^\"]*)\"")]
    private static partial Regex Attributes();
}

using System.Text.Json;
using System.Text.RegularExpressions;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Citations;

/// <summary>The built reader's cite-data block and Highwire tags, and the EPUB's "How to cite".</summary>
public sealed partial class CiteDataTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    [Fact]
    public void The_reader_carries_every_style_and_export_with_placeholders_for_the_url_and_access_date()
    {
        var html = site.Read("index.html");
        var block = DataBlock().Match(html);
        Assert.True(block.Success, "no cite-data block on the reader");

        using var json = JsonDocument.Parse(block.Groups[1].Value);
        var root = json.RootElement;
        Assert.Equal("https://marginalia.netlify.app/", root.GetProperty("url").GetString());
        Assert.Equal(["apa", "chicago-note", "chicago-bibliography", "mla"], root.GetProperty("styles").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(["bibtex", "ris", "csl-json"], root.GetProperty("exports").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        var apa = root.GetProperty("styles")[0];
        Assert.Equal("Roy, P. (n.d.). <i>AI and the unfinished agenda of globalisation</i> [Title supplied by the editors]. Marginalia. {{url}} (Originally published by Modern Diplomacy; republished by Africa-Press)", apa.GetProperty("html").GetString());
        Assert.False(apa.TryGetProperty("accessed", out _));
        var mla = root.GetProperty("styles")[3];
        Assert.EndsWith("<i>Marginalia</i>, {{url}}. Accessed {{accessed}}. Originally published by Modern Diplomacy; republished by Africa-Press.", mla.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal("{day} {month} {year}", mla.GetProperty("accessed").GetProperty("pattern").GetString());
        Assert.Equal("Sept.", mla.GetProperty("accessed").GetProperty("months")[8].GetString());
    }

    [Fact]
    public void The_reader_has_Highwire_citation_tags_and_no_date_the_essay_does_not_give()
    {
        var html = site.Read("index.html");
        var tags = MetaTag().Matches(html).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();

        Assert.Equal(
            [
                ("citation_title", "AI and the Unfinished Agenda of Globalisation"),
                ("citation_author", "Roy, Partha"),
                ("citation_publisher", "Marginalia"),
                ("citation_language", "en"),
                ("citation_public_url", "https://marginalia.netlify.app/"),
                ("citation_abstract_html_url", "https://marginalia.netlify.app/"),
            ],
            tags);
        Assert.DoesNotContain("citation_", site.Read("about/index.html"), StringComparison.Ordinal);
    }

    [GeneratedRegex("""<script type="application/json" id="cite-data">(.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex DataBlock();

    [GeneratedRegex("""<meta name="(citation_[a-z_]+)" content="([^"]*)">""")]
    private static partial Regex MetaTag();
}

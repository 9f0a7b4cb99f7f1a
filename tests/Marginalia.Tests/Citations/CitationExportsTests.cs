using System.Text.Json;
using Marginalia.Citations;

namespace Marginalia.Tests.Citations;

public class CitationExportsTests
{
    private static readonly CitedWork Essay = new(new("Partha", "Roy"), "AI and the Unfinished Agenda of Globalisation", TitleIsEditorial: true, "Marginalia", null, "Modern Diplomacy", "Africa-Press", null, "en");

    // Every character the reader's script can put in a passage URL: the base URL's, an id's, and the text fragment's
    // percent-encoding (encodeURIComponent, with - ! ' ( ) * ~ encoded as well).
    private const string PassageUrl = "https://marginalia.netlify.app/#p-ai-s-emergence:~:text=AI%E2%80%99s%20emergence-,as%20a%20border%2Dagnostic,force%2C%20is_unlike.,-traditional";

    [Fact]
    public void BibTeX_is_an_online_entry_with_the_title_addon_and_the_url_as_given()
    {
        var bib = CitationExports.BibTex(Essay, PassageUrl, CitationExports.Key(Essay));

        Assert.Equal(
            "@online{roy-ai,\n  author = {Roy, Partha},\n  title = {{AI} and the Unfinished Agenda of Globalisation},\n  titleaddon = {title supplied by the editors},\n" +
            "  organization = {Marginalia},\n  url = {" + PassageUrl + "},\n  addendum = {Originally published by Modern Diplomacy; republished by Africa-Press},\n}\n",
            bib);
    }

    [Fact]
    public void BibTeX_writes_LaTeX_special_characters_of_a_title_as_text()
    {
        Assert.Equal(@"Profit \& Loss: 100\% \{new\} \$ \#1 a\_b \textasciitilde{} \textasciicircum{} \textbackslash{}", CitationExports.Tex(@"Profit & Loss: 100% {new} $ #1 a_b ~ ^ \"));
    }

    [Fact]
    public void Ris_is_an_ELEC_record_one_field_a_line_with_no_date()
    {
        var ris = CitationExports.Ris(Essay, PassageUrl);

        Assert.Equal(
            "TY  - ELEC\r\nAU  - Roy, Partha\r\nTI  - AI and the Unfinished Agenda of Globalisation\r\nT2  - Marginalia\r\nUR  - " + PassageUrl + "\r\nLA  - en\r\n" +
            "N1  - Title supplied by the editors.\r\nN1  - Originally published by Modern Diplomacy; republished by Africa-Press.\r\nER  - \r\n",
            ris);
        Assert.DoesNotContain("PY  -", ris, StringComparison.Ordinal);
    }

    [Fact]
    public void Csl_json_is_a_webpage_item_with_no_issued_date()
    {
        using var json = JsonDocument.Parse(CitationExports.CslJson(Essay, PassageUrl, "roy-ai"));
        var item = json.RootElement[0];

        Assert.Equal("webpage", item.GetProperty("type").GetString());
        Assert.Equal("AI and the Unfinished Agenda of Globalisation", item.GetProperty("title").GetString());
        Assert.Equal("Roy", item.GetProperty("author")[0].GetProperty("family").GetString());
        Assert.Equal("Partha", item.GetProperty("author")[0].GetProperty("given").GetString());
        Assert.Equal("Marginalia", item.GetProperty("container-title").GetString());
        Assert.Equal("Modern Diplomacy", item.GetProperty("original-publisher").GetString());
        Assert.Equal(PassageUrl, item.GetProperty("URL").GetString());
        Assert.False(item.TryGetProperty("issued", out _));
    }

    [Fact]
    public void A_passage_url_needs_no_escaping_in_any_format_so_the_script_substitutes_it_as_it_is()
    {
        // Given each format rendered with the placeholder and with the URL itself
        var withToken = CitationExports.All(Essay, CiteData.UrlToken);
        var withUrl = CitationExports.All(Essay, PassageUrl);

        // Then putting the URL in for the placeholder gives exactly what the format writes for that URL
        Assert.Equal(withUrl.Select(e => e.Text), withToken.Select(e => e.Text.Replace(CiteData.UrlToken, PassageUrl, StringComparison.Ordinal)));

        // And no character of the URL is one a format escapes: JSON's quote and backslash, LaTeX's braces and backslash, a line break, HTML's < > & "
        Assert.DoesNotContain(PassageUrl, c => c is '"' or '\\' or '{' or '}' or '\n' or '\r' or '<' or '>' or '&');
    }
}

using Marginalia.Editions.Epub;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Editions.Epub;

/// <summary>
/// Where a site link lands in the book: the site's own pages (same scheme, host and port, a path under the base URL)
/// in the book, everything else at its absolute address.
/// </summary>
public class BookLinksTests
{
    private static BookLinks Links(string baseUrl)
    {
        var (reader, _) = NoteFixtures.Weave(NoteFixtures.Essay("The opening paragraph.\n"));
        return new BookLinks(reader, new Uri(baseUrl), new BookImages(new Dictionary<string, ReadOnlyMemory<byte>>()), ["p-one"], []);
    }

    [Theory]
    // The site's essay page and a paragraph of it, from the site's root and from a page one folder down
    [InlineData("index.html", "index.html", "essay.xhtml")]
    [InlineData("index.html#p-one", "index.html", "#p-one")]
    [InlineData("../index.html#p-one", "notes/index.html", "#p-one")]
    [InlineData("https://example.org/site/index.html#p-one", "notes/index.html", "#p-one")]
    [InlineData("https://example.org/site/", "index.html", "essay.xhtml")]
    // A fragment the book does not hold, and a site page no chapter answers for: the page's absolute address
    [InlineData("index.html#nowhere", "index.html", "https://example.org/site/index.html#nowhere")]
    [InlineData("about/index.html", "index.html", "https://example.org/site/about/index.html")]
    // Not the site: another scheme, another port, another host, a path beside the base rather than under it
    [InlineData("http://example.org/site/index.html#p-one", "index.html", "http://example.org/site/index.html#p-one")]
    [InlineData("https://example.org:8443/site/index.html#p-one", "index.html", "https://example.org:8443/site/index.html#p-one")]
    [InlineData("https://other.example/site/index.html#p-one", "index.html", "https://other.example/site/index.html#p-one")]
    [InlineData("https://example.org/sites/index.html#p-one", "index.html", "https://example.org/sites/index.html#p-one")]
    [InlineData("https://example.org/site", "index.html", "https://example.org/site")]
    [InlineData("https://example.org/Site/index.html#p-one", "index.html", "https://example.org/Site/index.html#p-one")]
    [InlineData("../../elsewhere.html", "notes/index.html", "https://example.org/elsewhere.html")]
    // Written for the book already, a mail address, and a scheme no reader should follow
    [InlineData("essay.xhtml#p-one", "index.html", "essay.xhtml#p-one")]
    [InlineData("mailto:someone@example.org", "index.html", "mailto:someone@example.org")]
    [InlineData("javascript:alert(1)", "index.html", null)]
    public void A_site_link_lands_in_the_book_or_at_its_absolute_address(string href, string sitePage, string? expected)
    {
        Assert.Equal(expected, Links("https://example.org/site/").Href(href, sitePage, BookLinks.EssayFile));
    }

    [Fact]
    public void A_base_URL_without_a_trailing_slash_keeps_its_last_folder()
    {
        Assert.Equal("#p-one", Links("https://example.org/site").Href("https://example.org/site/index.html#p-one", "index.html", BookLinks.EssayFile));
    }
}

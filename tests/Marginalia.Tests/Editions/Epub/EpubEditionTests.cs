using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Editions.Epub;

/// <summary>The EPUB edition as the real build publishes it, from the repository's own input.</summary>
public partial class EpubEditionTests : IClassFixture<BuiltEpub>
{
    private static readonly XNamespace Opf = "http://www.idpf.org/2007/opf";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Ops = "http://www.idpf.org/2007/ops";

    private static readonly string[] ContributionFolders = ["annotations", "glossary", "initiatives"];

    private readonly BuiltEpub _epub;

    public EpubEditionTests(BuiltEpub epub) => _epub = epub;

    [Fact]
    public void The_first_entry_is_mimetype_stored_uncompressed_with_no_extra_field()
    {
        // Given the built EPUB
        var bytes = _epub.Bytes();

        // When it is opened as a zip
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var first = zip.Entries[0];

        // Then mimetype comes first, stored, holding exactly the media type
        Assert.Equal("mimetype", first.FullName);
        Assert.Equal(first.Length, first.CompressedLength);
        using (var reader = new StreamReader(first.Open(), Encoding.ASCII))
        {
            Assert.Equal("application/epub+zip", reader.ReadToEnd());
        }

        // And its local header, at the start of the file, says "stored" and has no extra field, so the media type
        // stands at byte 38 where tools look for it
        Assert.Equal(0x04034b50u, BinaryPrimitives.ReadUInt32LittleEndian(bytes));
        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)));
        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(28)));
        Assert.Equal("mimetypeapplication/epub+zip", Encoding.ASCII.GetString(bytes, 30, 28));
    }

    [Fact]
    public void The_package_document_names_the_essay_its_author_language_and_the_newest_input_date()
    {
        var package = XDocument.Parse(_epub.Entry("EPUB/content.opf"));
        var metadata = package.Root!.Element(Opf + "metadata")!;

        Assert.Equal("AI and the Unfinished Agenda of Globalisation", metadata.Element(Dc + "title")!.Value);
        Assert.Equal("Partha Roy", metadata.Element(Dc + "creator")!.Value);
        Assert.Equal("en", metadata.Element(Dc + "language")!.Value);
        Assert.Equal("Marginalia", metadata.Element(Dc + "publisher")!.Value);
        Assert.Equal(NewestInputDate().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z", Meta(metadata, "dcterms:modified").Single());

        // The identifier is the one the package names as unique, and a UUID (stable: see the byte-identity test)
        var identifier = metadata.Elements(Dc + "identifier").Single(e => (string?)e.Attribute("id") == (string?)package.Root.Attribute("unique-identifier"));
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", identifier.Value);
    }

    [Fact]
    public void The_package_document_carries_accessibility_metadata()
    {
        var metadata = XDocument.Parse(_epub.Entry("EPUB/content.opf")).Root!.Element(Opf + "metadata")!;

        Assert.Contains("textual", Meta(metadata, "schema:accessMode"));
        Assert.Contains("textual", Meta(metadata, "schema:accessModeSufficient"));
        Assert.Contains("structuralNavigation", Meta(metadata, "schema:accessibilityFeature"));
        Assert.Contains("tableOfContents", Meta(metadata, "schema:accessibilityFeature"));
        Assert.Equal(["none"], Meta(metadata, "schema:accessibilityHazard"));
        Assert.NotEmpty(Meta(metadata, "schema:accessibilitySummary").Single());
    }

    [Fact]
    public void Every_note_the_site_shows_is_one_footnote_aside_with_one_noteref()
    {
        // Given the notes the reader page shows, by their markers
        var reader = new HtmlParser().ParseDocument(_epub.Site.Read("index.html"));
        var siteNotes = reader.QuerySelectorAll(".essay-body a.note-ref").Select(a => a.GetAttribute("href")!["#note-".Length..]).ToList();

        // When the EPUB's essay is read as XML
        var essay = XDocument.Parse(_epub.Entry("EPUB/essay.xhtml"));
        var asides = essay.Descendants(Xhtml + "aside").Where(a => (string?)a.Attribute(Ops + "type") == "footnote").ToList();
        var noterefs = essay.Descendants(Xhtml + "a").Where(a => (string?)a.Attribute(Ops + "type") == "noteref").ToList();

        // Then each note is there once as a footnote, and each marker points at its aside
        Assert.True(siteNotes.Count >= 30);
        Assert.Equal(siteNotes.Count, asides.Count);
        Assert.Equal(siteNotes.Select(id => "note-" + id).Order(StringComparer.Ordinal), asides.Select(a => (string)a.Attribute("id")!).Order(StringComparer.Ordinal));
        Assert.Equal(asides.Select(a => "#" + (string)a.Attribute("id")!).Order(StringComparer.Ordinal),
            noterefs.Select(a => (string)a.Attribute("href")!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_glossary_and_initiatives_are_chapters_in_the_spine_and_the_contents()
    {
        var package = XDocument.Parse(_epub.Entry("EPUB/content.opf")).Root!;
        var items = package.Element(Opf + "manifest")!.Elements(Opf + "item").ToDictionary(i => (string)i.Attribute("id")!, i => (string)i.Attribute("href")!);
        var spine = package.Element(Opf + "spine")!.Elements(Opf + "itemref").Select(i => items[(string)i.Attribute("idref")!]).ToList();
        var toc = XDocument.Parse(_epub.Entry("EPUB/nav.xhtml")).Descendants(Xhtml + "nav").Single(n => (string?)n.Attribute(Ops + "type") == "toc");
        var tocLinks = toc.Descendants(Xhtml + "a").Select(a => (string)a.Attribute("href")!).ToList();

        Assert.Equal(["essay.xhtml", "glossary.xhtml", "initiatives.xhtml", "reading-guide.xhtml"], spine);
        Assert.Contains("glossary.xhtml", tocLinks);
        Assert.Contains("initiatives.xhtml", tocLinks);
        Assert.Contains("essay.xhtml#s-opening", tocLinks);
        Assert.Equal(Directory.EnumerateFiles(Path.Combine(RepoPaths.Input, "glossary"), "*.md").Count(),
            XDocument.Parse(_epub.Entry("EPUB/glossary.xhtml")).Descendants(Xhtml + "dt").Count());
        Assert.Equal(Directory.EnumerateFiles(Path.Combine(RepoPaths.Input, "initiatives"), "*.md").Count(),
            XDocument.Parse(_epub.Entry("EPUB/initiatives.xhtml")).Descendants(Xhtml + "h2").Count());
    }

    [Fact]
    public void Essay_links_to_site_pages_lead_into_the_book_and_web_only_links_are_gone()
    {
        var essay = XDocument.Parse(_epub.Entry("EPUB/essay.xhtml"));
        var links = essay.Descendants(Xhtml + "a").ToList();
        var classes = links.Select(a => (string?)a.Attribute("class") ?? string.Empty).ToList();
        var hrefs = links.Select(a => (string)a.Attribute("href")!).ToList();

        Assert.DoesNotContain("permalink", classes);
        Assert.DoesNotContain("add-note", classes);
        Assert.DoesNotContain(hrefs, h => !h.StartsWith("http", StringComparison.Ordinal) && h.Contains("index.html", StringComparison.Ordinal));
        Assert.DoesNotContain(hrefs, h => h.StartsWith("https://marginalia.netlify.app/glossary/", StringComparison.Ordinal));
        Assert.Contains(hrefs, h => h.StartsWith("glossary.xhtml#term-", StringComparison.Ordinal));
        Assert.Contains(hrefs, h => h.StartsWith("initiatives.xhtml#initiative-", StringComparison.Ordinal));
        Assert.All(hrefs, h => Assert.True(h.StartsWith('#') || h.Contains(".xhtml#", StringComparison.Ordinal) || h.StartsWith("https://", StringComparison.Ordinal) || h.StartsWith("http://", StringComparison.Ordinal), h));
    }

    [Fact]
    public void Content_documents_are_xml_without_html_only_entities()
    {
        foreach (var name in _epub.EntryNames().Where(n => n.EndsWith(".xhtml", StringComparison.Ordinal)))
        {
            var text = _epub.Entry(name);

            var document = XDocument.Parse(text); // throws on <br>, &nbsp; and any other HTML-only markup
            Assert.Equal(Xhtml + "html", document.Root!.Name);
            Assert.DoesNotContain("&nbsp;", text, StringComparison.Ordinal);
        }
    }

    private static List<string> Meta(XElement metadata, string property) =>
        [.. metadata.Elements(Opf + "meta").Where(m => (string?)m.Attribute("property") == property).Select(m => m.Value)];

    /// <summary>The newest created/updated date in the front matter of every note, term and initiative file.</summary>
    private static DateOnly NewestInputDate() =>
        ContributionFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepoPaths.Input, folder), "*.md"))
            .SelectMany(file => DateField().Matches(File.ReadAllText(file)).Select(m => DateOnly.ParseExact(m.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .Max();

    [GeneratedRegex(@"^(?:created|updated):\s*[""']?(\d{4}-\d{2}-\d{2})", RegexOptions.Multiline)]
    private static partial Regex DateField();
}

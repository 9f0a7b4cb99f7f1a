using System.IO.Compression;
using System.Xml.Linq;
using AngleSharp.Dom;
using Marginalia.Content;
using Marginalia.Editions.Epub;
using Marginalia.Extensions;
using Marginalia.Reader;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Editions.Epub;

/// <summary>
/// A kind the book has never heard of gets its chapter, footnote, link targets and date into the EPUB through
/// <see cref="IBookContributor"/> alone: the fake below is all there is of it, and the book's code is not told of it.
/// </summary>
public class BookContributorTests
{
    private static readonly XNamespace Opf = "http://www.idpf.org/2007/opf";

    private static readonly SiteSettings Site = new(
        "A site", "About an essay.", new Uri("https://example.test/essay/"), null, "main", MarkMode.FirstPerSection, MarkMode.FirstPerSection);

    [SkippableFact]
    public async Task A_fake_kind_gets_its_chapter_into_the_spine_the_table_of_contents_and_the_links()
    {
        // Given an essay that links to a page the fake kind's chapter answers for, and the fake kind alone
        var essay = NoteFixtures.Essay("## First part\n\nA paragraph that points to [the guide](https://example.test/essay/guide/index.html#q-first).\n");
        var reader = NoteFixtures.Weave(essay).Result;

        // When the book is built
        var bytes = EpubBuilder.Build(reader, Site, new Dictionary<string, ReadOnlyMemory<byte>>(), [new ReadingGuide()]);

        // Then the chapter is in the manifest and in the spine, after the essay
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var package = XDocument.Parse(Read(zip, "EPUB/content.opf")).Root!;
        var item = package.Element(Opf + "manifest")!.Elements(Opf + "item").Single(i => (string?)i.Attribute("id") == "guide");
        Assert.Equal("guide.xhtml", (string?)item.Attribute("href"));
        Assert.Equal("application/xhtml+xml", (string?)item.Attribute("media-type"));
        var spine = package.Element(Opf + "spine")!.Elements(Opf + "itemref").Select(i => (string?)i.Attribute("idref")).ToList();
        Assert.Equal(["essay", "guide"], spine);
        Assert.Contains("<h1 id=\"guide-title\">Reading guide</h1>", Read(zip, "EPUB/guide.xhtml"), StringComparison.Ordinal);

        // And the table of contents lists it, and the landmarks give the type it asked for
        var nav = Read(zip, "EPUB/nav.xhtml");
        Assert.Contains("<li><a href=\"guide.xhtml\">Reading guide</a></li>", nav, StringComparison.Ordinal);
        Assert.Contains("<a epub:type=\"appendix\" href=\"guide.xhtml\">Reading guide</a>", nav, StringComparison.Ordinal);

        // And the essay's link to the page it answers for lands in it; its link back lands on its footnote in the essay
        var essayPage = Read(zip, "EPUB/essay.xhtml");
        Assert.Contains("href=\"guide.xhtml#q-first\"", essayPage, StringComparison.Ordinal);
        Assert.Contains("<aside id=\"guide-note\" epub:type=\"footnote\">A prompt.</aside>", essayPage, StringComparison.Ordinal);
        Assert.Contains("href=\"essay.xhtml#guide-note\"", Read(zip, "EPUB/guide.xhtml"), StringComparison.Ordinal);

        // And its date is the book's, and the accessibility summary names what it holds
        var opf = Read(zip, "EPUB/content.opf");
        Assert.Contains("<meta property=\"dcterms:modified\">2030-01-02T00:00:00Z</meta>", opf, StringComparison.Ordinal);
        Assert.Contains("numbered markers, a reading guide, a chapter reached from the table of contents; headings", opf, StringComparison.Ordinal);

        // And the book passes EPUBCheck
        var epubcheck = Epubcheck.RequireOrSkip();
        var path = Path.Combine(Path.GetTempPath(), $"marginalia-fake-kind-{Guid.NewGuid():N}.epub");
        try
        {
            await File.WriteAllBytesAsync(path, bytes);
            var (exitCode, output) = await Epubcheck.RunAsync(epubcheck, path);
            Assert.True(exitCode == 0, output);
            Assert.DoesNotContain("ERROR", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(new string[0], "The essay's text with its notes as footnotes linked from numbered markers; headings mark every section.")]
    [InlineData(new[] { "a glossary", "the initiatives it names" }, "numbered markers, a glossary and the initiatives it names, each a chapter reached from the table of contents; headings")]
    [InlineData(new[] { "a", "b", "c" }, "numbered markers, a, b and c, each a chapter")]
    public void The_accessibility_summary_names_every_chapter(string[] chapters, string expected)
    {
        Assert.Contains(expected, PackageDocument.AccessibilitySummary(chapters), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_chapters_with_one_file_are_refused()
    {
        var reader = NoteFixtures.Weave(NoteFixtures.Essay("A paragraph.\n")).Result;

        var error = Assert.Throws<InvalidOperationException>(() =>
            EpubBuilder.Build(reader, Site, new Dictionary<string, ReadOnlyMemory<byte>>(), [new ReadingGuide(), new ReadingGuide()]));

        Assert.Contains("guide.xhtml", error.Message, StringComparison.Ordinal);
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>A kind with a chapter, one footnote after the essay's first paragraph, and a date.</summary>
    private sealed class ReadingGuide : IBookContributor
    {
        public IEnumerable<BookChapter> Chapters(ReaderResult reader) => [new GuideChapter(reader.Essay.Info.Language)];

        public IEnumerable<string> EssayIds(ReaderResult reader) => ["guide-note"];

        public IEnumerable<(string BlockId, IElement Footnote)> Footnotes(XhtmlPage page, ReaderResult reader)
        {
            var aside = page.Element("aside", text: "A prompt.");
            aside.Id = "guide-note";
            aside.SetAttribute("epub:type", "footnote");
            return [(reader.Essay.Sections[^1].Paragraphs[0].Id, aside)];
        }

        public IEnumerable<DateOnly> Dates(ReaderResult reader) => [new DateOnly(2030, 1, 2)];
    }

    private sealed class GuideChapter(string language) : BookChapter
    {
        public override string Id => "guide";

        public override string File => "guide.xhtml";

        public override string Title => "Reading guide";

        public override string Summary => "a reading guide";

        public override string? Landmark => "appendix";

        public override string? Target(string path, string fragment) =>
            path == "guide/index.html" ? fragment : null;

        public override XhtmlPage Write(BookLinks links)
        {
            var page = new XhtmlPage(Title, language);
            page.Append(page.Body, "h1", text: Title).Id = "guide-title";
            var question = page.Append(page.Body, "p", text: "What does the first part argue? ");
            question.Id = "q-first";
            page.Append(question, "a", text: "The prompt").SetAttribute("href", "../index.html#guide-note");
            links.Rewrite(page.Body, "guide/index.html", File);
            return page;
        }
    }
}

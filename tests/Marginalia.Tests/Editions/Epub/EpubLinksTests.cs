using System.IO.Compression;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Editions.Epub;

/// <summary>
/// Links a contributor writes for the site (xrefs, media images) still work in the book: they land on what the
/// book holds, and the book still passes EPUBCheck.
/// </summary>
public class EpubLinksTests
{
    // A 1×1 PNG: the smallest real image, so EPUBCheck can check the file against its media type.
    private const string OnePixelPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    [SkippableFact]
    public async Task Xrefs_and_media_images_in_a_note_body_become_in_book_links_and_a_packaged_image()
    {
        // Given a note whose body links to a term, an initiative, a paragraph and another note, and shows an image
        using var site = TempSite.CopyOfRepository();
        site.WriteBytes("input/media/dot.png", Convert.FromBase64String(OnePixelPng));
        site.Edit("input/annotations/bhashini-name.md", "India's many languages.",
            "India's many languages. See [the WTO](xref:glossary/wto), [Bhashini](xref:initiatives/bhashini), "
            + "[the opening](xref:essay#p-the-early-promise-of) and [another note](xref:notes/data-new-oil).\n\n![A dot](media/dot.png)");

        // When the site is built
        var result = await site.BuildAsync();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var path = site.PathOf(Path.Combine("output", BuiltEpub.RelativePath));
        string essay, package;
        using (var zip = ZipFile.OpenRead(path))
        {
            essay = Read(zip, "EPUB/essay.xhtml");
            package = Read(zip, "EPUB/content.opf");
            Assert.NotNull(zip.GetEntry("EPUB/media/dot.png"));
        }

        // Then each link lands in the book, and the image is in the book and its manifest
        Assert.Contains("href=\"glossary.xhtml#term-wto\"", essay, StringComparison.Ordinal);
        Assert.Contains("href=\"initiatives.xhtml#initiative-bhashini\"", essay, StringComparison.Ordinal);
        Assert.Contains("href=\"#p-the-early-promise-of\"", essay, StringComparison.Ordinal);
        Assert.Contains("href=\"#note-data-new-oil\"", essay, StringComparison.Ordinal);
        Assert.DoesNotContain("xref:", essay, StringComparison.Ordinal);
        Assert.Contains("<img src=\"media/dot.png\" alt=\"A dot\" />", essay, StringComparison.Ordinal);
        Assert.Contains("href=\"media/dot.png\" media-type=\"image/png\"", package, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"schema:accessMode\">visual</meta>", package, StringComparison.Ordinal);

        // And the book still passes EPUBCheck
        var epubcheck = Epubcheck.RequireOrSkip();
        var (exitCode, output) = await Epubcheck.RunAsync(epubcheck, path);
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("WARNING", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ERROR", output, StringComparison.Ordinal);
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}

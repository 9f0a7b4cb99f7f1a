using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Marginalia.Contributions;
using Marginalia.Editions.SingleFile;
using Marginalia.Tests.Hostile;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Editions.SingleFile;

/// <summary>
/// The single-file edition inlines an image each time the reader shows it, so its size is measured before anything is
/// inlined and bounded (MG0505, naming the files that show the images); the EPUB and the service worker carry each
/// image once however often it is shown.
/// </summary>
public partial class SingleFileBudgetTests
{
    private static readonly Uri Site = new("https://marginalia.netlify.app/");

    private static Dictionary<string, ReadOnlyMemory<byte>> Files(int imageBytes) => new(StringComparer.Ordinal)
    {
        ["assets/a.css"] = "p{color:red}"u8.ToArray(),
        ["media/a.png"] = new byte[imageBytes],
        ["media/b.gif"] = new byte[3],
    };

    private static string Page(int a, int b) =>
        "<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"assets/a.css\"></head><body>"
        + string.Concat(Enumerable.Repeat("<img src=\"media/a.png\" alt=\"\">", a))
        + string.Concat(Enumerable.Repeat("<img src=\"media/b.gif\" alt=\"\">", b))
        + "<img src=\"https://elsewhere.test/x.png\" alt=\"\"></body></html>";

    [Theory]
    [InlineData(0, 0, 10)]
    [InlineData(1, 0, 10)]
    [InlineData(3, 2, 10)]
    [InlineData(7, 1, 3000)]
    [InlineData(50, 50, 1)]
    public void The_measure_counts_each_image_each_time_it_is_shown_and_bounds_the_edition_s_size(int a, int b, int imageBytes)
    {
        var html = Page(a, b);
        var result = SingleFileEdition.Create(html, Files(imageBytes), Site, SingleFileBudget.Unlimited);

        Assert.Equal(a + b, result.Measure.Images);
        Assert.Equal(a + b, Regex.Count(result.Html!, "src=\"data:"));
        var each = new Dictionary<string, long>
        {
            ["media/a.png"] = "data:image/png;base64,".Length + ((imageBytes + 2) / 3 * 4),
            ["media/b.gif"] = "data:image/gif;base64,".Length + 4,
        };
        Assert.Equal(
            new[] { ("media/a.png", a), ("media/b.gif", b) }.Where(x => x.Item2 > 0).Select(x => new InlinedImage(x.Item1, x.Item2, each[x.Item1])),
            result.Measure.ByImage);
        Assert.InRange(Encoding.UTF8.GetByteCount(result.Html!), result.Measure.Bytes - html.Length, result.Measure.Bytes);
    }

    [Theory]
    [InlineData(10, 0, 9, long.MaxValue)]
    [InlineData(5, 5, 9, long.MaxValue)]
    [InlineData(1, 0, 100, 1000)]
    [InlineData(20_000, 0, 200, 32L * 1024 * 1024)]
    public void Over_its_budget_the_edition_is_not_made(int a, int b, int maxImages, long maxBytes)
    {
        var result = SingleFileEdition.Create(Page(a, b), Files(3000), Site, new SingleFileBudget(maxBytes, maxImages));

        Assert.Null(result.Html);
        Assert.Equal(a + b, result.Measure.Images);
    }

    [Fact]
    public async Task Images_that_would_make_the_edition_too_large_are_an_error_naming_the_notes_and_images()
    {
        // Given two notes that each show a 1.9 MB image ten times (the edition would hold it twenty times: 50 MB)
        using var site = TempSite.CopyOfRepository();
        site.WriteBytes("input/media/big.png", HostileMediaTests.PngOfLength(1_900_000));
        var body = string.Concat(Enumerable.Repeat("![Big](media/big.png)\n\n", ContributedMarkdown.MaxImages));
        site.Write("input/annotations/big-one.md", HostileFiles.Note(body));
        site.Write("input/annotations/big-two.md", HostileFiles.Note("Small.\n\n" + body));

        // When it is built
        var result = await site.BuildAsync();

        // Then one error, at the note whose images weigh most, names both notes and the image
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(
            "input/annotations/big-one.md:1:1: error MG0505: the single-file edition would be 48.7 MB, more than the 32 MB it may: it holds a copy of an image each time the reader shows it. "
            + "Shown by: input/annotations/big-one.md (10 images, 24.2 MB), input/annotations/big-two.md (10 images, 24.2 MB). Images: media/big.png shown 20 times (48.3 MB)",
            error.ToString());
        Assert.False(result.WroteOutput);
    }

    [Fact]
    public async Task More_images_than_the_edition_may_show_are_an_error()
    {
        // Given 21 notes that each show a small image ten times: 210 images
        using var site = TempSite.CopyOfRepository();
        site.WriteBytes("input/media/dot.png", TestImages.Png());
        var body = string.Concat(Enumerable.Repeat("![Dot](media/dot.png) ", ContributedMarkdown.MaxImages));
        for (var i = 1; i <= 21; i++)
        {
            site.Write($"input/annotations/dots-{i:00}.md", HostileFiles.Note(body));
        }

        var result = await site.BuildAsync();

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("MG0505", error.Code.Id);
        Assert.Equal("input/annotations/dots-01.md:1:1", error.Location.ToString());
        Assert.StartsWith("the single-file edition would show 210 images, more than the 200 it may", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(900, "MG0617 input/annotations/many.md:6:211")] // within the body's 20,000 characters: the image cap speaks
    [InlineData(20_000, "MG0618 input/annotations/many.md:6:20001")] // past them: refused before Markdig, at the 20,001st character
    public async Task One_image_shown_hundreds_or_thousands_of_times_in_a_body_is_refused_at_the_body_and_builds_nothing(int times, string expected)
    {
        var (site, result) = await HostileMediaTests.BuildWithMediaAsync([("dot.png", TestImages.Png())], [], "x");
        using var _ = site;
        site.Write("input/annotations/many.md", HostileFiles.Note(string.Concat(Enumerable.Repeat("![Dot](media/dot.png)", times))));

        result = await site.BuildAsync();

        Assert.Equal([expected], HostileFiles.Errors(result));
    }

    [Fact]
    public async Task The_book_and_the_service_worker_carry_an_image_once_however_often_it_is_shown()
    {
        // Given an image shown ten times by one note and ten by another, and once by a glossary entry
        using var site = TempSite.CopyOfRepository();
        var png = TestImages.Png(3, 3);
        site.WriteBytes("input/media/dot.png", png);
        var body = string.Concat(Enumerable.Repeat("![Dot](media/dot.png) ", ContributedMarkdown.MaxImages));
        site.Write("input/annotations/dots-one.md", HostileFiles.Note(body));
        site.Write("input/annotations/dots-two.md", HostileFiles.Note(body));
        site.Write("input/glossary/wto.md", site.Read("input/glossary/wto.md").TrimEnd() + "\n\n![Dot](media/dot.png)\n");

        var result = await site.BuildAsync();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));

        // Then the book holds it once, listed once in its manifest
        using (var zip = ZipFile.OpenRead(site.PathOf(Path.Combine("output", Epub.BuiltEpub.RelativePath))))
        {
            Assert.Single(zip.Entries, e => e.FullName.EndsWith(".png", StringComparison.Ordinal));
            using var reader = new StreamReader(zip.GetEntry("EPUB/content.opf")!.Open());
            Assert.Equal(1, Regex.Count(reader.ReadToEnd(), "href=\"media/dot.png\""));
        }

        // And the service worker lists it once; the single-file edition inlines it each of the twenty times
        Assert.Equal(1, Regex.Count(site.Read("output/sw.js"), "\"media/dot.png\""));
        var edition = site.Read("output/downloads/ai-and-the-unfinished-agenda-of-globalisation.html");
        Assert.Equal(20, Regex.Count(edition, Regex.Escape("src=\"data:image/png;base64," + Convert.ToBase64String(png) + "\"")));
    }
}

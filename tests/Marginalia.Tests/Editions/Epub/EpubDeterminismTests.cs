using Marginalia.Tests.Support;

namespace Marginalia.Tests.Editions.Epub;

/// <summary>Same input, same bytes (as README promises of every build), for the EPUB too: no clock in the zip or the metadata.</summary>
public class EpubDeterminismTests
{
    [Fact]
    public async Task Two_builds_of_the_same_input_give_byte_identical_epubs()
    {
        // Given two copies of the repository
        using var first = TempSite.CopyOfRepository();
        using var second = TempSite.CopyOfRepository();

        // When both are built, far enough apart that a zip timestamp from the clock (2-second steps) would differ
        Assert.True((await first.BuildAsync()).Succeeded);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.True((await second.BuildAsync()).Succeeded);

        // Then the EPUB files are the same, byte for byte
        var a = File.ReadAllBytes(first.PathOf(Path.Combine("output", BuiltEpub.RelativePath)));
        var b = File.ReadAllBytes(second.PathOf(Path.Combine("output", BuiltEpub.RelativePath)));
        Assert.True(a.AsSpan().SequenceEqual(b), "the two EPUB files differ");
    }

    [Fact]
    public async Task A_note_updated_later_moves_the_modified_date_and_the_zip_timestamps()
    {
        // Given a note whose front matter says it was updated after everything else
        using var site = TempSite.CopyOfRepository();
        site.Edit("input/annotations/bhashini-name.md", "created: 2026-11-27", "created: 2026-11-27\nupdated: 2027-02-03");

        // When the site is built
        var result = await site.BuildAsync();

        // Then the book says it was modified that day, and its entries carry that date
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        using var zip = System.IO.Compression.ZipFile.OpenRead(site.PathOf(Path.Combine("output", BuiltEpub.RelativePath)));
        using var opf = new StreamReader(zip.GetEntry("EPUB/content.opf")!.Open());
        Assert.Contains("<meta property=\"dcterms:modified\">2027-02-03T00:00:00Z</meta>", opf.ReadToEnd(), StringComparison.Ordinal);
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2027, 2, 3), e.LastWriteTime.DateTime));
    }
}

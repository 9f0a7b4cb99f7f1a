using Marginalia.Diagnostics;
using Marginalia.Output;
using Marginalia.Pipeline;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Output;

public class SiteWriterUpdateTests
{
    [Fact]
    public void A_rebuild_rewrites_only_changed_files_and_removes_files_no_longer_built()
    {
        using var site = TempSite.Empty();
        var roots = BuildRoots.From("input", "theme", "output", site.Root);
        var cache = new BuildCache();
        var diagnostics = new DiagnosticBag();
        Assert.True(SiteWriter.Update([new Document(null, "index.html", "one"), new Document(null, "old.html", "x"), new Document(null, "a/b.txt", "same")], roots, diagnostics, cache));
        var untouched = site.PathOf("output/a/b.txt");
        File.SetLastWriteTimeUtc(untouched, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.True(SiteWriter.Update([new Document(null, "index.html", "two"), new Document(null, "a/b.txt", "same")], roots, diagnostics, cache));

        Assert.Equal(0, diagnostics.Count);
        Assert.Equal("two", site.Read("output/index.html"));
        Assert.False(File.Exists(site.PathOf("output/old.html")));
        Assert.Equal(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), File.GetLastWriteTimeUtc(untouched));
        Assert.Equal(["a/b.txt", "index.html"], site.Snapshot().Keys);
    }

    [Fact]
    public void A_discarded_update_leaves_the_output_and_the_next_update_as_if_it_never_happened()
    {
        // Given a preview output written once
        using var site = TempSite.Empty();
        var roots = BuildRoots.From("input", "theme", "output", site.Root);
        var cache = new BuildCache();
        var diagnostics = new DiagnosticBag();
        Assert.True(SiteWriter.Update([new Document(null, "index.html", "one"), new Document(null, "old.html", "x")], roots, diagnostics, cache));

        // When an update is staged and then discarded (another part of the build failed)
        SiteWriter.StageUpdate([new Document(null, "index.html", "two")], roots, diagnostics, cache)!.Discard();

        // Then the output is as it was, with no temporary file left
        Assert.Equal(["index.html", "old.html"], site.Snapshot().Keys);
        Assert.Equal("one", site.Read("output/index.html"));

        // And the next update still knows what is on disk: it rewrites the changed file and removes the stale one
        Assert.True(SiteWriter.Update([new Document(null, "index.html", "two")], roots, diagnostics, cache));
        Assert.Equal(["index.html"], site.Snapshot().Keys);
        Assert.Equal("two", site.Read("output/index.html"));
        Assert.Equal(0, diagnostics.Count);
    }
}

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
}

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

    [Theory]
    [InlineData("../escaped.html")]
    [InlineData("/tmp/marginalia-escaped-update.html")]
    [InlineData("a/../../output.staging/escaped.html")]
    public void A_rebuild_with_a_destination_outside_the_output_folder_is_refused_and_writes_nothing_outside(string destination)
    {
        // Given a preview that has written the site once (so the next update rewrites in place, not through staging)
        using var site = TempSite.Empty();
        var roots = BuildRoots.From("input", "theme", "output", site.Root);
        var cache = new BuildCache();
        Assert.True(SiteWriter.Update([new Document(null, "index.html", "one")], roots, new DiagnosticBag(), cache));
        var diagnostics = new DiagnosticBag();
        var absolute = Path.IsPathRooted(destination) ? destination : Path.GetFullPath(Path.Combine(roots.Output, destination));

        // When a rebuild adds a document whose destination resolves outside output/
        var ok = SiteWriter.Update([new Document(null, "index.html", "one"), new Document(null, destination, "x")], roots, diagnostics, cache);

        // Then it is refused by name, nothing is written there, and the site is left as it was
        Assert.False(ok);
        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal($"output:1:1: error MG0503: cannot write the site: refusing to write '{destination}' outside the output folder", error.ToString());
        Assert.Equal("the next save rewrites the whole site", error.Hint);
        Assert.False(File.Exists(absolute));
        Assert.False(File.Exists(absolute + ".writing"));
        Assert.Equal(["index.html"], site.Snapshot().Keys);
    }
}

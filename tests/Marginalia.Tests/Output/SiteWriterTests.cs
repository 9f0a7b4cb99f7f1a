using Marginalia.Diagnostics;
using Marginalia.Output;
using Marginalia.Pipeline;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Output;

public class SiteWriterTests
{
    [Fact]
    public void Writing_replaces_the_output_folder_as_a_whole_and_leaves_no_staging_folder()
    {
        // Given an output folder holding a stale file
        using var site = TempSite.Empty();
        site.Write("output/stale.html", "old");
        var roots = BuildRoots.From("input", "theme", "output", site.Root);

        // When a site is written
        var ok = SiteWriter.Write([new Document(null, "index.html", "new"), new Document(null, "a/b.css", "x")], roots, new DiagnosticBag());

        // Then the folder holds exactly the new files
        Assert.True(ok);
        Assert.Equal(["a/b.css", "index.html"], site.Snapshot().Keys);
        Assert.False(Directory.Exists(roots.Staging));
        Assert.Equal(site.Root + "/output.staging", roots.Staging);
    }

    [Fact]
    public void A_destination_outside_the_output_folder_is_refused_and_the_output_is_untouched()
    {
        using var site = TempSite.Empty();
        site.Write("output/index.html", "previous");
        var roots = BuildRoots.From("input", "theme", "output", site.Root);
        var diagnostics = new DiagnosticBag();

        var ok = SiteWriter.Write([new Document(null, "index.html", "new"), new Document(null, "../escaped.html", "x")], roots, diagnostics);

        Assert.False(ok);
        Assert.Equal("MG0503", Assert.Single(diagnostics.Sorted()).Code.Id);
        Assert.Equal("previous", site.Read("output/index.html"));
        Assert.False(File.Exists(site.PathOf("escaped.html")));
        Assert.False(File.Exists(site.PathOf("output.staging/../escaped.html")));
    }
}

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

    [Fact]
    public void Staging_leaves_the_output_alone_until_the_commit_swaps_it_in()
    {
        // Given an output folder from a previous build
        using var site = TempSite.Empty();
        site.Write("output/index.html", "previous");
        var roots = BuildRoots.From("input", "theme", "output", site.Root);

        // When the next site is staged
        var pending = SiteWriter.Stage([new Document(null, "index.html", "next"), new Document(null, "feed.xml", "<feed/>")], roots, new DiagnosticBag());

        // Then the output is unchanged and the new files wait in the staging folder
        Assert.NotNull(pending);
        Assert.Equal(["index.html"], site.Snapshot().Keys);
        Assert.Equal("previous", site.Read("output/index.html"));
        Assert.Equal("next", site.Read("output.staging/index.html"));

        // And the commit makes them the output, leaving no staging or previous folder
        Assert.True(pending.Commit());
        Assert.Equal(["feed.xml", "index.html"], site.Snapshot().Keys);
        Assert.Equal("next", site.Read("output/index.html"));
        Assert.False(Directory.Exists(roots.Staging));
        Assert.False(Directory.Exists(site.PathOf("output.previous")));
    }

    [Fact]
    public void A_discarded_stage_removes_the_staging_folder_and_leaves_the_output_as_it_was()
    {
        using var site = TempSite.Empty();
        site.Write("output/index.html", "previous");
        var roots = BuildRoots.From("input", "theme", "output", site.Root);

        SiteWriter.Stage([new Document(null, "index.html", "next")], roots, new DiagnosticBag())!.Discard();

        Assert.Equal(["index.html"], site.Snapshot().Keys);
        Assert.Equal("previous", site.Read("output/index.html"));
        Assert.False(Directory.Exists(roots.Staging));
    }

    [Theory]
    [InlineData("/tmp/marginalia-escaped.html")]
    [InlineData("a/../../escaped.html")]
    [InlineData("../output.staging2/escaped.html")]
    public void Any_destination_resolving_outside_the_staging_folder_is_refused_by_name(string destination)
    {
        using var site = TempSite.Empty();
        site.Write("output/index.html", "previous");
        var roots = BuildRoots.From("input", "theme", "output", site.Root);
        var diagnostics = new DiagnosticBag();
        var absolute = Path.IsPathRooted(destination) ? destination : Path.GetFullPath(Path.Combine(roots.Staging, destination));

        var ok = SiteWriter.Write([new Document(null, "index.html", "new"), new Document(null, destination, "x")], roots, diagnostics);

        Assert.False(ok);
        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal($"output:1:1: error MG0503: cannot write the site: refusing to write '{destination}' outside the output folder", error.ToString());
        Assert.Equal("previous", site.Read("output/index.html"));
        Assert.False(File.Exists(absolute));
        Assert.False(Directory.Exists(roots.Staging));
    }
}

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
        using var site = WithPreviousOutput(out var roots);
        var diagnostics = new DiagnosticBag();

        var ok = SiteWriter.Write([new Document(null, "index.html", "new"), new Document(null, "../escaped.html", "x")], roots, diagnostics);

        Refused(site, ok, diagnostics);
        Assert.False(File.Exists(site.PathOf("escaped.html")));
        Assert.False(File.Exists(site.PathOf("output.staging/../escaped.html")));
    }

    [Fact]
    public void Staging_leaves_the_output_alone_until_the_commit_swaps_it_in()
    {
        // Given an output folder from a previous build
        using var site = WithPreviousOutput(out var roots);

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
        using var site = WithPreviousOutput(out var roots);

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
        using var site = WithPreviousOutput(out var roots);
        var diagnostics = new DiagnosticBag();
        var absolute = Path.IsPathRooted(destination) ? destination : Path.GetFullPath(Path.Combine(roots.Staging, destination));

        var ok = SiteWriter.Write([new Document(null, "index.html", "new"), new Document(null, destination, "x")], roots, diagnostics);

        var error = Refused(site, ok, diagnostics);
        Assert.Equal($"output:1:1: error MG0503: cannot write the site: refusing to write '{destination}' outside the output folder", error.ToString());
        Assert.False(File.Exists(absolute));
        Assert.False(Directory.Exists(roots.Staging));
    }

    [Fact]
    public void Every_file_of_a_site_written_across_threads_holds_its_own_bytes()
    {
        // Given 200 documents in 20 folders, each with content naming it
        using var site = TempSite.Empty();
        var roots = BuildRoots.From("input", "theme", "output", site.Root);
        var documents = Enumerable.Range(0, 200).Select(i => new Document(null, $"f{i % 20}/p{i}.html", $"page {i}")).ToList();

        // When the site is written
        var ok = SiteWriter.Write(documents, roots, new DiagnosticBag());

        // Then each file holds what its document held, and no other file is there
        Assert.True(ok);
        var written = site.Snapshot().ToDictionary(f => f.Key, f => System.Text.Encoding.UTF8.GetString(f.Value));
        Assert.Equal(200, written.Count);
        Assert.Equal("page 0", written["f0/p0.html"]);
        Assert.Equal("page 137", written["f17/p137.html"]);
        Assert.Equal("page 199", written["f19/p199.html"]);
        Assert.All(documents, d => Assert.Equal(d.Content, written[d.Destination!]));
    }

    [Fact]
    public void A_file_that_cannot_be_written_is_one_error_naming_it_and_the_output_is_untouched()
    {
        // Given two documents where one's destination is the other's folder: the file cannot be made
        using var site = WithPreviousOutput(out var roots);
        var diagnostics = new DiagnosticBag();

        // When the site is written
        var ok = SiteWriter.Write([new Document(null, "notes", "a file"), new Document(null, "notes/index.html", "a page")], roots, diagnostics);

        // Then the build reports one MG0503 naming the file (not the threads' aggregate), and the output stays
        var error = Refused(site, ok, diagnostics);
        Assert.Contains(Path.Combine(roots.Staging, "notes"), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("One or more errors", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(roots.Staging));
    }

    /// <summary>A site whose output folder holds index.html ("previous") from an earlier build, and its roots.</summary>
    private static TempSite WithPreviousOutput(out BuildRoots roots)
    {
        var site = TempSite.Empty();
        site.Write("output/index.html", "previous");
        roots = BuildRoots.From("input", "theme", "output", site.Root);
        return site;
    }

    /// <summary>Asserts the write failed with one MG0503 and left the previous output as it was; returns the error.</summary>
    private static Diagnostic Refused(TempSite site, bool ok, DiagnosticBag diagnostics)
    {
        Assert.False(ok);
        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal("MG0503", error.Code.Id);
        Assert.Equal("previous", site.Read("output/index.html"));
        return error;
    }
}

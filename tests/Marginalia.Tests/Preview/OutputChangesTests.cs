using Marginalia.Preview;

namespace Marginalia.Tests.Preview;

public sealed class OutputChangesTests
{
    private static Dictionary<string, string> Output(params (string Path, string Hash)[] files) =>
        files.ToDictionary(f => f.Path, f => f.Hash, StringComparer.Ordinal);

    [Fact]
    public void The_first_build_changes_are_unknown()
    {
        // Given no build before
        var changes = new OutputChanges();

        // When the first build has written its files
        var changed = changes.Next(Output(("index.html", "A")));

        // Then what it changed is unknown: a page open from an earlier run reloads
        Assert.Null(changed);
    }

    [Fact]
    public void A_build_names_the_files_it_rewrote_added_and_removed_sorted_with_forward_slashes()
    {
        // Given a build that wrote four files
        var changes = new OutputChanges();
        changes.Next(Output(("index.html", "A"), ("about/index.html", "B"), ("assets/site.css", "C"), ("old.html", "D")));

        // When the next rewrites one, keeps two, removes one and adds one in a folder named the Windows way
        var changed = changes.Next(Output(("index.html", "A2"), ("about/index.html", "B"), ("assets/site.css", "C"), ("notes\\index.html", "E")));

        // Then exactly the rewritten, removed and added files are named
        Assert.Equal(["index.html", "notes/index.html", "old.html"], changed!.ToList());
    }

    [Fact]
    public void A_build_that_wrote_nothing_new_changed_nothing()
    {
        // Given a build
        var changes = new OutputChanges();
        changes.Next(Output(("index.html", "A")));

        // When the next one's files hash the same, and the one after wrote nothing at all (the record is the same one)
        var rewritten = Output(("index.html", "A"));
        var same = changes.Next(rewritten);
        var none = changes.Next(rewritten);

        // Then neither changed a file
        Assert.Empty(same!);
        Assert.Empty(none!);
    }

    [Fact]
    public void A_failed_write_makes_the_changes_unknown()
    {
        // Given a build that wrote a file
        var changes = new OutputChanges();
        changes.Next(Output(("index.html", "A")));

        // When the next one's write failed (the writer then records an empty output) or its record was dropped
        var failed = changes.Next(Output());
        changes.Next(Output(("index.html", "A")));
        var dropped = changes.Next(null);

        // Then what changed is unknown, and the page reloads rather than trusting a list
        Assert.Null(failed);
        Assert.Null(dropped);
    }
}

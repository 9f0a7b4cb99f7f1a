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
        var changed = changes.Record("v1", Output(("index.html", "A")));

        // Then what it changed is unknown: a page open from an earlier run reloads
        Assert.Null(changed);
    }

    [Fact]
    public void A_build_names_the_files_it_rewrote_added_and_removed_sorted_with_forward_slashes()
    {
        // Given a build that wrote four files
        var changes = new OutputChanges();
        changes.Record("v1", Output(("index.html", "A"), ("about/index.html", "B"), ("assets/site.css", "C"), ("old.html", "D")));

        // When the next rewrites one, keeps two, removes one and adds one in a folder named the Windows way
        var changed = changes.Record("v2", Output(("index.html", "A2"), ("about/index.html", "B"), ("assets/site.css", "C"), ("notes\\index.html", "E")));

        // Then exactly the rewritten, removed and added files are named
        Assert.Equal(["index.html", "notes/index.html", "old.html"], changed!.ToList());
    }

    [Fact]
    public void A_build_that_wrote_nothing_new_changed_nothing()
    {
        // Given a build
        var changes = new OutputChanges();
        changes.Record("v1", Output(("index.html", "A")));

        // When the next one's files hash the same, and the one after wrote nothing at all (the record is the same one)
        var rewritten = Output(("index.html", "A"));
        var same = changes.Record("v2", rewritten);
        var none = changes.Record("v3", rewritten);

        // Then neither changed a file
        Assert.Empty(same!);
        Assert.Empty(none!);
    }

    [Fact]
    public void A_failed_write_makes_the_changes_unknown()
    {
        // Given a build that wrote a file
        var changes = new OutputChanges();
        changes.Record("v1", Output(("index.html", "A")));

        // When the next one's write failed (the writer then records an empty output) or its record was dropped
        var failed = changes.Record("v2", Output());
        changes.Record("v3", Output(("index.html", "A")));
        var dropped = changes.Record("v4", null);

        // Then what changed is unknown, and the page reloads rather than trusting a list
        Assert.Null(failed);
        Assert.Null(dropped);
    }

    [Fact]
    public void What_changed_since_an_earlier_build_spans_the_builds_between()
    {
        // Given three builds: the second rewrote the reader, the third only the EPUB
        var changes = new OutputChanges();
        changes.Record("v1", Output(("index.html", "A"), ("book.epub", "E")));
        changes.Record("v2", Output(("index.html", "A2"), ("book.epub", "E")));
        changes.Record("v3", Output(("index.html", "A2"), ("book.epub", "E2")));

        // When a page asks what changed since its build, up to the current one
        // Then it hears of every file changed on the way, and of nothing for its own build
        Assert.Equal(["book.epub"], changes.Since("v2", "v3")!.ToList());
        Assert.Equal(["book.epub", "index.html"], changes.Since("v1", "v3")!.ToList());
        Assert.Empty(changes.Since("v3", "v3")!);
    }

    [Fact]
    public void A_build_not_among_the_last_eight_or_never_recorded_has_unknown_changes()
    {
        // Given nine builds of one unchanged file
        var changes = new OutputChanges();
        var output = Output(("index.html", "A"));
        for (var i = 1; i <= 9; i++)
        {
            changes.Record($"v{i}", output);
        }

        // When pages ask about the first build, one of an earlier run, and the current build before a later one
        // Then only the last eight builds are known, and only forwards
        Assert.Null(changes.Since("v1", "v9"));
        Assert.Empty(changes.Since("v2", "v9")!);
        Assert.Null(changes.Since("0badcafe-3", "v9"));
        Assert.Null(changes.Since("v9", "v2"));
    }
}

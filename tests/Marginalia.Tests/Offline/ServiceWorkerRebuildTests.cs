using Marginalia.Tests.Support;

namespace Marginalia.Tests.Offline;

/// <summary>sw.js across builds: the same input gives the same bytes; a changed note gives a new revision and cache.</summary>
public class ServiceWorkerRebuildTests
{
    [Fact]
    public async Task Two_builds_of_the_same_input_write_identical_sw_js()
    {
        // Given the same input in two different folders
        using var one = TempSite.CopyOfRepository();
        using var two = TempSite.CopyOfRepository();

        // When each is built
        Assert.True((await one.BuildAsync()).Succeeded);
        Assert.True((await two.BuildAsync()).Succeeded);

        // Then the two workers are byte for byte the same
        Assert.Equal(one.Snapshot()["sw.js"], two.Snapshot()["sw.js"]);
        Assert.Equal(one.Snapshot()["manifest.webmanifest"], two.Snapshot()["manifest.webmanifest"]);
    }

    [Fact]
    public async Task Changing_a_note_changes_its_pages_revision_and_the_cache_version()
    {
        // Given a built site
        using var site = TempSite.CopyOfRepository();
        Assert.True((await site.BuildAsync()).Succeeded);
        var before = ServiceWorkerFile.Read(site.OutputDir);

        // When one note gets another sentence and the site is built again
        var note = Directory.EnumerateFiles(site.PathOf("input/annotations"), "*.md").Order(StringComparer.Ordinal).First();
        File.AppendAllText(note, "\n\nA sentence added between two builds.\n");
        Assert.True((await site.BuildAsync()).Succeeded);
        var after = ServiceWorkerFile.Read(site.OutputDir);

        // Then the pages that show notes have new revisions, files the note is not in keep theirs, and the version
        // (the cache's name) is new
        Assert.NotEqual(before.Revisions["index.html"], after.Revisions["index.html"]);
        Assert.NotEqual(before.Revisions["notes/index.html"], after.Revisions["notes/index.html"]);
        Assert.Equal(before.Revisions["essay.txt"], after.Revisions["essay.txt"]);
        var stylesheet = Assert.Single(before.Revisions.Keys, k => k.StartsWith("assets/site.", StringComparison.Ordinal));
        Assert.Equal(before.Revisions[stylesheet], after.Revisions[stylesheet]);
        Assert.NotEqual(before.Version, after.Version);
    }
}

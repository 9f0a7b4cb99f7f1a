using Marginalia.Diagnostics;
using Marginalia.Pipeline;
using Marginalia.Site;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Pipeline;

/// <summary>
/// Symbolic links inside input/ and theme/ that lead round in a circle or reach a folder twice: a build reports them at
/// the link and finishes, reading each real folder once. Every build here runs under a hang guard, so a regression
/// fails the test instead of stalling the suite.
/// </summary>
public sealed class InputTreeTests
{
    private static readonly string[] LinkCodes = ["MG0117", "MG0121", "MG0122"];

    // Generous: a build takes seconds; a link followed forever never ends.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    private static async Task<BuildResult> BuildGuarded(TempSite site, bool write = false)
    {
        var build = Task.Run(() => site.BuildAsync(write));
        var finished = await Task.WhenAny(build, Task.Delay(HangGuard));
        Assert.True(finished == build, $"the build did not finish within {HangGuard}: a link is followed without end");
        return await build;
    }

    /// <summary>The link errors as "CODE path", sorted.</summary>
    private static string[] LinkErrors(BuildResult result) =>
        [.. result.Diagnostics.Where(d => d.IsError && LinkCodes.Contains(d.Code.Id)).Select(d => $"{d.Code.Id} {d.Location.Path}").Order(StringComparer.Ordinal)];

    private static void Link(TempSite site, string link, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(site.PathOf(link))!);
        Directory.CreateSymbolicLink(site.PathOf(link), target);
    }

    public static TheoryData<string, string, string> Cycles => new()
    {
        // link, its target (relative to the link's folder), the error expected
        { "input/media/loop", ".", "MG0121 input/media/loop" },
        { "input/media/up", "..", "MG0121 input/media/up" },
        { "input/media/deep/er/back", "../..", "MG0121 input/media/deep/er/back" },
        { "input/media/self", "../media", "MG0121 input/media/self" },
        { "input/annotations/a", "../annotations", "MG0121 input/annotations/a" },
        { "input/glossary/loop", ".", "MG0121 input/glossary/loop" },
        { "input/initiatives/up", "..", "MG0121 input/initiatives/up" },
        { "theme/assets/loop", ".", "MG0121 theme/assets/loop" },
        { "theme/assets/up", "../..", "MG0117 theme/assets/up" },
        { "input/media/root", "/", "MG0117 input/media/root" },
    };

    [Theory]
    [MemberData(nameof(Cycles))]
    public async Task A_link_to_its_own_folder_or_one_above_is_a_cycle_reported_at_the_link(string link, string target, string expected)
    {
        using var site = TempSite.CopyOfRepository();
        Link(site, link, target);

        var result = await BuildGuarded(site);

        Assert.Equal([expected], LinkErrors(result));
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Two_links_pointing_at_each_other_are_each_a_cycle()
    {
        using var site = TempSite.CopyOfRepository();
        Link(site, "input/media/x", "y");
        Link(site, "input/media/y", "x");

        var result = await BuildGuarded(site);

        Assert.Equal(["MG0121 input/media/x", "MG0121 input/media/y"], LinkErrors(result));
        Assert.Contains(result.Diagnostics, d => d.Message == "'input/media/x' is a symbolic link that cannot be resolved: it leads through links back to itself");
    }

    [Fact]
    public async Task A_chain_of_links_that_ends_at_its_own_folder_is_a_cycle_at_every_link_of_it()
    {
        using var site = TempSite.CopyOfRepository();
        Link(site, "input/media/c1", "c2");
        Link(site, "input/media/c2", "c3");
        Link(site, "input/media/c3", ".");

        var result = await BuildGuarded(site);

        Assert.Equal(["MG0121 input/media/c1", "MG0121 input/media/c2", "MG0121 input/media/c3"], LinkErrors(result));
        Assert.Contains(result.Diagnostics, d => d.Message == "'input/media/c1' is a symbolic link to 'input/media', a folder it is in: following it would never end");
    }

    [Fact]
    public async Task A_link_to_a_folder_that_is_read_under_its_own_name_is_a_second_path_whichever_comes_first()
    {
        using var site = TempSite.CopyOfRepository();
        site.WriteBytes("input/media/photos/a.png", [1]);
        Link(site, "input/media/alias", "photos"); // before it in order
        Link(site, "input/media/zeta", "photos"); // after it

        var result = await BuildGuarded(site);

        Assert.Equal(["MG0122 input/media/alias", "MG0122 input/media/zeta"], LinkErrors(result));
        Assert.Contains(result.Diagnostics, d => d.Message == "'input/media/alias' leads through a symbolic link to the folder 'input/media/photos', which is read already: its files would be published twice");
    }

    [Fact]
    public async Task A_folder_elsewhere_in_input_is_read_through_its_first_link_and_refused_through_a_second()
    {
        using var site = TempSite.CopyOfRepository();
        site.WriteBytes("input/shared/pictures/map.png", [1]);
        Link(site, "input/media/first", "../shared/pictures");
        Link(site, "input/media/second", "../shared/pictures");
        var roots = BuildRoots.From("input", "theme", "output", site.Root);
        var diagnostics = new DiagnosticBag();

        var files = InputTree.Files(site.PathOf("input/media"), "*", recursive: true, roots.Input, roots, diagnostics);

        Assert.Contains(site.PathOf("input/media/first/map.png"), files);
        Assert.DoesNotContain(files, f => f.Contains("second", StringComparison.Ordinal));
        Assert.Equal("input/media/second:1:1: error MG0122: 'input/media/second' leads through a symbolic link to the folder 'input/media/first', which is read already: its files would be published twice",
            Assert.Single(diagnostics.Sorted()).ToString());
    }

    [Theory]
    [InlineData(8)]
    [InlineData(24)]
    [InlineData(40)]
    public async Task A_diamond_of_links_is_read_once_per_folder_not_once_per_path(int levels)
    {
        // Given levels of folders, each with two links to the next (2^levels paths to the last), reached from media/
        using var site = TempSite.CopyOfRepository();
        for (var i = 0; i < levels; i++)
        {
            Directory.CreateDirectory(site.PathOf($"input/lattice/l{i}"));
        }

        site.WriteBytes($"input/lattice/l{levels - 1}/end.png", [1]);
        for (var i = 0; i < levels - 1; i++)
        {
            Link(site, $"input/lattice/l{i}/a", $"../l{i + 1}");
            Link(site, $"input/lattice/l{i}/b", $"../l{i + 1}");
        }

        Link(site, "input/media/entry", "../lattice/l0");
        var roots = BuildRoots.From("input", "theme", "output", site.Root);
        var diagnostics = new DiagnosticBag();

        // When media/ is listed (under the hang guard)
        var listing = Task.Run(() => InputTree.Files(site.PathOf("input/media"), "*", recursive: true, roots.Input, roots, diagnostics));
        Assert.True(await Task.WhenAny(listing, Task.Delay(HangGuard)) == listing, "the listing did not finish");

        // Then the last folder's file is listed once, and each level's second link is refused once
        var path = string.Concat(Enumerable.Repeat("a/", levels - 1));
        Assert.Equal([site.PathOf($"input/media/entry/{path}end.png")], await listing);
        Assert.Equal(
            Enumerable.Range(0, levels - 1).Select(i => $"MG0122 input/media/entry/{string.Concat(Enumerable.Repeat("a/", i))}b").Order(StringComparer.Ordinal),
            diagnostics.Sorted().Select(d => $"{d.Code.Id} {d.Location.Path}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_diamond_of_links_in_media_does_not_stall_a_build()
    {
        using var site = TempSite.CopyOfRepository();
        const int Levels = 30;
        for (var i = 0; i < Levels; i++)
        {
            Directory.CreateDirectory(site.PathOf($"input/lattice/l{i}"));
        }

        for (var i = 0; i < Levels - 1; i++)
        {
            Link(site, $"input/lattice/l{i}/a", $"../l{i + 1}");
            Link(site, $"input/lattice/l{i}/b", $"../l{i + 1}");
        }

        Link(site, "input/media/entry", "../lattice/l0");

        var result = await BuildGuarded(site);

        Assert.Equal(Levels - 1, LinkErrors(result).Count(e => e.StartsWith("MG0122 ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_link_to_a_file_inside_input_is_still_followed_and_published()
    {
        using var site = TempSite.CopyOfRepository();
        site.WriteBytes("input/shared/map.png", [1, 2, 3]);
        Directory.CreateDirectory(site.PathOf("input/media"));
        File.CreateSymbolicLink(site.PathOf("input/media/map.png"), "../shared/map.png");
        var roots = BuildRoots.From("input", "theme", "output", site.Root);
        var diagnostics = new DiagnosticBag();

        var files = InputTree.Files(site.PathOf("input/media"), "*", recursive: true, roots.Input, roots, diagnostics);

        Assert.Contains(site.PathOf("input/media/map.png"), files);
        Assert.Empty(diagnostics.Sorted());
        await Task.CompletedTask;
    }

    public static TheoryData<string[], string, string?> RealPaths => new()
    {
        // links to make (link=target), the path to resolve, its real path (null: a cycle of links)
        { ["a=b"], "a/x", "b/x" },
        { ["a=b", "b=c"], "a", "c" },
        { ["d=sub/.."], "d/f", "f" },
        { ["sub/up=.."], "sub/up/sub/up/f", "f" },
        { ["p=q", "q=p"], "p", null },
        { ["s=s"], "s/x", null },
    };

    [Theory]
    [MemberData(nameof(RealPaths))]
    public void Real_paths_resolve_each_link_where_it_points_and_a_circle_of_links_has_none(string[] links, string path, string? expected)
    {
        using var site = TempSite.Empty();
        Directory.CreateDirectory(site.PathOf("sub"));
        foreach (var pair in links)
        {
            var (link, target) = (pair.Split('=')[0], pair.Split('=')[1]);
            File.CreateSymbolicLink(site.PathOf(link), target);
        }

        var real = InputLinks.RealPath(site.PathOf(path));

        Assert.Equal(expected is null ? null : site.PathOf(expected), real);
    }
}

using System.Runtime;
using Marginalia.Cli;

namespace Marginalia.Tests.Cli;

/// <summary>
/// Build and check of a small site (an input folder under 256 KB) start with the collector asked to let their first
/// 96 MB be allocated without collecting; a larger site, preview (which runs for hours) and the commands that build
/// nothing collect as usual from the start.
/// </summary>
public sealed class NoCollectionStartTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("marginalia-nogc-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [InlineData(new[] { "build" }, "input")]
    [InlineData(new[] { "build", "--input", "site", "--output", "out" }, "site")]
    [InlineData(new[] { "check", "--format", "json", "--input=my site" }, "my site")]
    [InlineData(new[] { "build", "--input:other" }, "other")]
    [InlineData(new[] { "build", "--theme", "--input" }, "input")] // a flag with no value after it: the default
    public void The_input_folder_is_read_from_the_command_line(string[] args, string folder)
    {
        Assert.Equal(folder, NoCollectionStart.InputFolder(args));
    }

    [Fact]
    public void A_folder_under_256_KB_is_small_counting_every_folder_down()
    {
        File.WriteAllBytes(Path.Combine(_folder.FullName, "essay.md"), new byte[100 * 1024]);
        var notes = _folder.CreateSubdirectory("annotations");
        File.WriteAllBytes(Path.Combine(notes.FullName, "a.md"), new byte[100 * 1024]);

        Assert.True(NoCollectionStart.IsSmall(_folder.FullName));

        File.WriteAllBytes(Path.Combine(notes.FullName, "b.md"), new byte[60 * 1024]);

        Assert.False(NoCollectionStart.IsSmall(_folder.FullName)); // 260 KB
    }

    [Fact]
    public void A_missing_folder_is_not_small()
    {
        Assert.False(NoCollectionStart.IsSmall(Path.Combine(_folder.FullName, "nowhere")));
    }

    [Fact]
    public void Only_build_and_check_of_a_small_site_start_without_collecting()
    {
        var small = _folder.CreateSubdirectory("small").FullName;
        File.WriteAllBytes(Path.Combine(small, "essay.md"), new byte[10 * 1024]);
        var large = _folder.CreateSubdirectory("large").FullName;
        File.WriteAllBytes(Path.Combine(large, "essay.md"), new byte[300 * 1024]);

        Assert.True(NoCollectionStart.AppliesTo(["build", "--input", small]));
        Assert.True(NoCollectionStart.AppliesTo(["check", $"--input={small}"]));
        Assert.False(NoCollectionStart.AppliesTo(["build", "--input", large]));
        Assert.False(NoCollectionStart.AppliesTo(["check", "--input", large]));
        Assert.False(NoCollectionStart.AppliesTo(["preview", "--input", small]));
        Assert.False(NoCollectionStart.AppliesTo(["new", "term"]));
        Assert.False(NoCollectionStart.AppliesTo(["--version"]));
        Assert.False(NoCollectionStart.AppliesTo([]));
    }

    [Fact]
    public void Begin_lets_96_MB_be_allocated_before_the_first_collection()
    {
        Assert.Equal(96L * 1024 * 1024, NoCollectionStart.Budget);
        try
        {
            Assert.True(NoCollectionStart.Begin());
            var started = GC.CollectionCount(0);

            // Allocated well within the budget: no collection, and the collector still in the mode Begin set. (Tests
            // running beside this one allocate too; together they stay far below 96 MB in the moment this takes.)
            var kept = new List<byte[]>();
            for (var i = 0; i < 64; i++)
            {
                kept.Add(new byte[16 * 1024]);
            }

            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            Assert.Equal(started, GC.CollectionCount(0));
            GC.KeepAlive(kept);
        }
        finally
        {
            if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }
        }
    }
}

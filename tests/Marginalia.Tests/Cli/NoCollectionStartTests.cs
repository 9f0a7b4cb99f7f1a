using System.Runtime;
using Marginalia.Cli;

namespace Marginalia.Tests.Cli;

/// <summary>
/// Build and check start with the collector asked to let their first 96 MB be allocated without collecting (a small
/// site's whole build); preview, which runs for hours, and the commands that build nothing do not.
/// </summary>
public class NoCollectionStartTests
{
    [Theory]
    [InlineData(new[] { "build" }, true)]
    [InlineData(new[] { "build", "--input", "site" }, true)]
    [InlineData(new[] { "check", "--format", "json" }, true)]
    [InlineData(new[] { "preview" }, false)]
    [InlineData(new[] { "new", "term" }, false)]
    [InlineData(new[] { "import", "notes.json" }, false)]
    [InlineData(new[] { "--version" }, false)]
    [InlineData(new string[0], false)]
    public void Only_build_and_check_start_without_collecting(string[] args, bool applies)
    {
        Assert.Equal(applies, NoCollectionStart.AppliesTo(args));
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

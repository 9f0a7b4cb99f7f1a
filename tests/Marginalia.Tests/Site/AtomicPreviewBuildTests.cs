using Marginalia.Pipeline;
using Marginalia.Site;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Site;

/// <summary>
/// The preview's builds (with a <see cref="BuildCache"/>) rewrite changed files in place rather than swapping a
/// staging folder; a failure or cancellation in the Output phase must still leave the previous output byte-identical.
/// </summary>
public class AtomicPreviewBuildTests
{
    [Theory]
    [InlineData("Output", false)] // after the writer, in its own pipeline
    [InlineData("Offline", false)] // in another pipeline's Output phase, running beside the writer
    [InlineData("Output", true)]
    [InlineData("Offline", true)]
    public async Task A_preview_rebuild_that_fails_in_the_output_phase_leaves_the_output_and_the_next_rebuild_intact(string pipeline, bool cancel)
    {
        // Given the preview's first build, then an edit that changes every page
        using var site = TempSite.CopyOfRepository();
        var cache = new BuildCache();
        var options = new BuildOptions { WorkingDirectory = site.Root, Cache = cache };
        Assert.True((await SiteBuilder.BuildAsync(options)).Succeeded);
        var before = site.Snapshot();
        site.Edit("input/site.yml", "title: \"Marginalia\"", "title: \"Edited by the preview atomicity test\"");

        // When a rebuild fails (or is cancelled) at the end of one pipeline's Output phase
        using var cancellation = new CancellationTokenSource();
        var pipelines = SitePipelines.Create().ToList();
        pipelines.Single(p => p.Name == pipeline).OutputModules.Add(TestModules.Do(_ =>
        {
            if (cancel)
            {
                cancellation.Cancel();
            }
            else
            {
                throw new IOException("injected failure");
            }
        }));
        if (cancel)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SiteBuilder.BuildAsync(options, pipelines, cancellation.Token));
        }
        else
        {
            var failed = await SiteBuilder.BuildAsync(options, pipelines, CancellationToken.None);
            Assert.Equal($"pipeline '{pipeline}', phase Output: IOException: injected failure", Assert.Single(failed.Diagnostics).Message);
        }

        // Then the output is byte-identical, with no temporary file or staging folder left
        var after = site.Snapshot();
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (file, bytes) in after)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(before[file]), $"{file} changed");
        }

        Assert.False(Directory.Exists(site.OutputDir + ".staging"));

        // And the next rebuild writes the edit
        Assert.True((await SiteBuilder.BuildAsync(options)).Succeeded);
        Assert.Contains("Edited by the preview atomicity test", site.Read("output/index.html"), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(site.OutputDir, "*.writing", SearchOption.AllDirectories));
    }
}

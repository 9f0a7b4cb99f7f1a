using System.Threading.Channels;
using Marginalia.Preview;
using Marginalia.Site;

namespace Marginalia.Tests.Preview;

public sealed class RebuildLoopTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly BuildResult Success = new([], ["index.html"], true);

    private readonly Channel<PreviewBuild> _built = Channel.CreateUnbounded<PreviewBuild>();

    [Fact]
    public async Task A_burst_of_changes_within_the_quiet_period_makes_one_build_that_names_them_all()
    {
        // Given a started loop with a 200 ms quiet period
        await using var loop = Loop(_ => Task.FromResult(Success), TimeSpan.FromMilliseconds(200));
        loop.Start();
        Assert.Equal(1, (await NextBuildAsync()).Number);

        // When an editor's save touches five paths back to back
        foreach (var path in new[] { "input/essay.md", "input/essay.md", "input/.essay.md.swp", "input/glossary/wto.md", "theme/assets/site.css" })
        {
            loop.Notify(path);
        }

        // Then the next build is the only one for them, and lists each path once, sorted
        var build = await NextBuildAsync();
        Assert.Equal(2, build.Number);
        Assert.Equal(["input/.essay.md.swp", "input/essay.md", "input/glossary/wto.md", "theme/assets/site.css"], build.Changed);
    }

    [Fact]
    public async Task Changes_during_a_build_collapse_into_one_build_after_it_and_builds_never_overlap()
    {
        // Given a loop whose second build waits until the test releases it
        var secondStarted = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var calls = 0;
        var running = 0;
        var mostAtOnce = 0;
        await using var loop = Loop(async _ =>
        {
            var call = Interlocked.Increment(ref calls);
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            if (call == 2)
            {
                secondStarted.SetResult();
                await release.Task;
            }

            Interlocked.Decrement(ref running);
            return Success;
        }, TimeSpan.FromMilliseconds(50));
        loop.Start();
        await NextBuildAsync();
        loop.Notify("input/essay.md");
        await secondStarted.Task.WaitAsync(Timeout);

        // When three more changes arrive while that build runs, and then it finishes
        loop.Notify("input/annotations/a.md");
        loop.Notify("input/annotations/b.md");
        loop.Notify("theme/layouts/base.liquid");
        release.SetResult();

        // Then the second build reports only its own change, and one third build covers all three
        var second = await NextBuildAsync();
        var third = await NextBuildAsync();
        Assert.Equal(["input/essay.md"], second.Changed);
        Assert.Equal(3, third.Number);
        Assert.Equal(["input/annotations/a.md", "input/annotations/b.md", "theme/layouts/base.liquid"], third.Changed);
        Assert.Equal(3, calls);
        Assert.Equal(1, mostAtOnce);
    }

    [Fact]
    public async Task A_build_that_throws_becomes_an_MG0004_error_and_the_next_change_builds_again()
    {
        // Given a loop whose second build throws
        var calls = 0;
        await using var loop = Loop(_ => Interlocked.Increment(ref calls) == 2
            ? throw new InvalidOperationException("layout cache corrupted")
            : Task.FromResult(Success), TimeSpan.FromMilliseconds(20));
        loop.Start();
        await NextBuildAsync();

        // When a change makes it throw
        loop.Notify("input/essay.md");
        var crashed = await NextBuildAsync();

        // Then the build is reported as failed, at the input folder, as a bug to report
        var error = Assert.Single(crashed.Result.Diagnostics);
        Assert.False(crashed.Result.Succeeded);
        Assert.Equal("input:1:1: error MG0004: the build failed unexpectedly: InvalidOperationException: layout cache corrupted", error.ToString());
        Assert.Equal("this is a bug in Marginalia: please report it with the change that caused it", error.Hint);

        // And the loop goes on: the next change builds successfully
        loop.Notify("input/essay.md");
        var next = await NextBuildAsync();
        Assert.True(next.Result.Succeeded);
        Assert.Equal(3, next.Number);
    }

    [Fact]
    public async Task Stopping_cancels_a_running_build_and_reports_nothing_for_it()
    {
        // Given a loop whose first build waits for cancellation
        var started = new TaskCompletionSource();
        var loop = Loop(async token =>
        {
            started.SetResult();
            await Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, token);
            return Success;
        }, TimeSpan.FromMilliseconds(20));
        loop.Start();
        await started.Task.WaitAsync(Timeout);

        // When the loop is stopped
        await loop.DisposeAsync().AsTask().WaitAsync(Timeout);

        // Then the first build never completes and no build was reported
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop.FirstBuild);
        Assert.False(_built.Reader.TryRead(out _));
    }

    private RebuildLoop Loop(Func<CancellationToken, Task<BuildResult>> build, TimeSpan debounce) =>
        new(build, debounce, "input", () => { }, b => _built.Writer.TryWrite(b));

    private async Task<PreviewBuild> NextBuildAsync() => await _built.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

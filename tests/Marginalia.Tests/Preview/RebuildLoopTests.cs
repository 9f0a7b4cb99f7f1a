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
        await using var loop = Loop((_, _) => Task.FromResult(Success), TimeSpan.FromMilliseconds(200));
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
        Assert.Equal(PreviewPass.Pages, build.Pass);

        // And the editions pass that follows names no change of its own
        var editions = await NextBuildAsync();
        Assert.Equal((3, PreviewPass.Editions), (editions.Number, editions.Pass));
        Assert.Empty(editions.Changed);
    }

    [Fact]
    public async Task A_save_builds_the_pages_with_the_editions_carried_first_then_the_whole_site_without_holding_requests()
    {
        // Given a loop that records the pass it was asked for and each time it shut the server's gate
        var asked = new List<PreviewPass>();
        var gates = 0;
        await using var loop = new RebuildLoop(
            (pass, _, _) =>
            {
                lock (asked)
                {
                    asked.Add(pass);
                }

                return Task.FromResult(Success);
            },
            TimeSpan.FromMilliseconds(20), "input", () => Interlocked.Increment(ref gates), b => _built.Writer.TryWrite(b));
        loop.Start();
        await NextBuildAsync();

        // When a note is saved
        loop.Notify("input/annotations/a.md");
        var pages = await NextBuildAsync();
        var editions = await NextBuildAsync();

        // Then the first build was whole; the save's came in two passes, the pages announced first with the change
        Assert.Equal([PreviewPass.Whole, PreviewPass.Pages, PreviewPass.Editions], asked);
        Assert.Equal((2, PreviewPass.Pages), (pages.Number, pages.Pass));
        Assert.Equal(["input/annotations/a.md"], pages.Changed);
        Assert.Equal((3, PreviewPass.Editions), (editions.Number, editions.Pass));

        // And requests waited for the first build and the pages pass only: the editions pass rewrites no page
        Assert.Equal(2, gates);
    }

    [Fact]
    public async Task A_save_during_the_editions_pass_cancels_it_and_its_own_pages_come_next()
    {
        // Given a loop whose editions pass runs until it is cancelled
        var editionsStarted = new TaskCompletionSource();
        var editionsCancelled = new TaskCompletionSource();
        await using var loop = Loop(async (pass, token) =>
        {
            if (pass == PreviewPass.Editions && !editionsStarted.Task.IsCompleted)
            {
                editionsStarted.SetResult();
                try
                {
                    await Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, token);
                }
                catch (OperationCanceledException)
                {
                    editionsCancelled.SetResult();
                    throw;
                }
            }

            return Success;
        }, TimeSpan.FromMilliseconds(20));
        loop.Start();
        await NextBuildAsync();
        loop.Notify("input/annotations/a.md");
        Assert.Equal(PreviewPass.Pages, (await NextBuildAsync()).Pass);
        await editionsStarted.Task.WaitAsync(Timeout);

        // When the author saves again while the editions are being remade
        loop.Notify("input/annotations/b.md");

        // Then that editions pass is given up and never announced; the new save's pages come next, then its editions
        await editionsCancelled.Task.WaitAsync(Timeout);
        var pages = await NextBuildAsync();
        Assert.Equal((3, PreviewPass.Pages), (pages.Number, pages.Pass));
        Assert.Equal(["input/annotations/b.md"], pages.Changed);
        var editions = await NextBuildAsync();
        Assert.Equal((4, PreviewPass.Editions), (editions.Number, editions.Pass));
    }

    [Fact]
    public async Task A_pages_pass_that_fails_is_not_announced_and_the_whole_build_reports_every_error_for_the_change()
    {
        // Given a loop whose builds after the first fail, with an error of their own pass
        await using var loop = Loop((pass, _) => Task.FromResult(pass == PreviewPass.Whole && Volatile.Read(ref _buildsSeen) == 0
            ? Success
            : new BuildResult([Marginalia.Diagnostics.Diagnostic.Error(Marginalia.Diagnostics.DiagnosticCodes.ModuleFailed,
                Marginalia.Diagnostics.SourceLocation.File("input/essay.md"), $"failed in the {pass} pass")], [], false)), TimeSpan.FromMilliseconds(20));
        loop.Start();
        await NextBuildAsync();
        Interlocked.Increment(ref _buildsSeen);

        // When a change makes the pages pass fail
        loop.Notify("input/essay.md");
        var failed = await NextBuildAsync();

        // Then what is announced is the whole build, numbered next, naming the change, with its errors
        Assert.Equal((2, PreviewPass.Whole), (failed.Number, failed.Pass));
        Assert.Equal(["input/essay.md"], failed.Changed);
        Assert.Equal("input/essay.md:1:1: error MG0004: failed in the Whole pass", Assert.Single(failed.Result.Diagnostics).ToString());
        Assert.False(_built.Reader.TryRead(out _));
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
        await using var loop = Loop(async (_, _) =>
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
        await WaitUntilAsync(() => loop.Waiting);
        release.SetResult();

        // Then the second build (the pages pass) reports only its own change, and one third build covers all three;
        // the editions pass was left until the last change's pages were out
        var second = await NextBuildAsync();
        var third = await NextBuildAsync();
        var editions = await NextBuildAsync();
        Assert.Equal(PreviewPass.Pages, second.Pass);
        Assert.Equal(["input/essay.md"], second.Changed);
        Assert.Equal((3, PreviewPass.Pages), (third.Number, third.Pass));
        Assert.Equal(["input/annotations/a.md", "input/annotations/b.md", "theme/layouts/base.liquid"], third.Changed);
        Assert.Equal((4, PreviewPass.Editions), (editions.Number, editions.Pass));
        Assert.Equal(4, calls);
        Assert.Equal(1, mostAtOnce);
    }

    [Fact]
    public async Task A_build_that_throws_becomes_an_MG0004_error_and_the_next_change_builds_again()
    {
        // Given a loop whose builds throw after the first, until the test mends it
        var calls = 0;
        var broken = true;
        await using var loop = Loop((_, _) => Interlocked.Increment(ref calls) > 1 && Volatile.Read(ref broken)
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
        Volatile.Write(ref broken, false);
        loop.Notify("input/essay.md");
        var next = await NextBuildAsync();
        Assert.True(next.Result.Succeeded);
        Assert.Equal((3, PreviewPass.Pages), (next.Number, next.Pass));
    }

    [Fact]
    public async Task Stopping_cancels_a_running_build_and_reports_nothing_for_it()
    {
        // Given a loop whose first build waits for cancellation
        var started = new TaskCompletionSource();
        var loop = Loop(async (_, token) =>
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

    private int _buildsSeen;

    private RebuildLoop Loop(Func<PreviewPass, CancellationToken, Task<BuildResult>> build, TimeSpan debounce) =>
        new((pass, _, token) => build(pass, token), debounce, "input", () => { }, b => _built.Writer.TryWrite(b));

    private async Task<PreviewBuild> NextBuildAsync() => await _built.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Timeout, "the condition did not hold in time");
            await Task.Delay(5);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

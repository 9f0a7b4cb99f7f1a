using System.Collections.Concurrent;
using Marginalia.Diagnostics;
using Marginalia.Pipeline;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Pipeline;

public class EngineTests
{
    private static BuildContext NewBuild(bool write = true) =>
        new(BuildRoots.From("in", "theme", "out", Path.GetTempPath()), new DiagnosticBag()) { WriteOutput = write };

    private static Marginalia.Pipeline.BuildPipeline Make(string name, string[] dependencies, params IModule[] process)
    {
        var pipeline = new Marginalia.Pipeline.BuildPipeline(name, dependencies);
        pipeline.InputModules.Add(TestModules.Emit(name));
        pipeline.ProcessModules.AddRange(process);
        return pipeline;
    }

    [Fact]
    public async Task Pipelines_run_after_the_pipelines_they_depend_on()
    {
        // Given C depends on B, which depends on A, declared in reverse order
        var finished = new ConcurrentQueue<string>();
        IModule Record(string name) => TestModules.Do(_ => finished.Enqueue(name));
        var engine = new Engine(
        [
            Make("C", ["B"], TestModules.AppendFrom("B"), Record("C")),
            Make("B", ["A"], TestModules.AppendFrom("A"), Record("B")),
            Make("A", [], Record("A")),
        ]);

        // When the engine runs
        var result = await engine.RunAsync(NewBuild());

        // Then they ran A, B, C, and each saw its dependency's final output
        Assert.Equal(["A", "B", "C"], finished.ToArray());
        Assert.Equal("C+B+A", Assert.Single(result.Outputs["C"]).Content);
    }

    [SkippableFact]
    public async Task Pipelines_waiting_on_the_same_one_run_at_the_same_time_though_their_modules_are_synchronous()
    {
        // Two at a time needs two cores (ProcessSlots gives one slot per core); CI's machine has two
        Skip.If(Environment.ProcessorCount < 2, "this machine has one core, so pipelines process one at a time");

        // Given B and C, which both wait on A, and whose synchronous modules each wait for the other to start: run
        // one after the other on the thread that finished A (as they did), the first would wait in vain
        using var bStarted = new ManualResetEventSlim();
        using var cStarted = new ManualResetEventSlim();
        var met = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        IModule Meet(string name, ManualResetEventSlim mine, ManualResetEventSlim other) => TestModules.Do(_ =>
        {
            mine.Set();
            met[name] = other.Wait(TimeSpan.FromSeconds(10));
        });
        // And A, which ends only once both are waiting for it (their input phase done, and a moment for them to reach
        // the wait): they must then be started by A's end, not find it already over
        using var bWaits = new ManualResetEventSlim();
        using var cWaits = new ManualResetEventSlim();
        var b = Make("B", ["A"], Meet("B", bStarted, cStarted));
        var c = Make("C", ["A"], Meet("C", cStarted, bStarted));
        b.InputModules.Add(TestModules.Do(_ => bWaits.Set()));
        c.InputModules.Add(TestModules.Do(_ => cWaits.Set()));
        var engine = new Engine(
        [
            Make("A", [], TestModules.Do(_ =>
            {
                bWaits.Wait(TimeSpan.FromSeconds(10));
                cWaits.Wait(TimeSpan.FromSeconds(10));
                Thread.Sleep(100);
            })),
            b,
            c,
        ]);

        // When the engine runs
        await engine.RunAsync(NewBuild());

        // Then each saw the other running
        Assert.Equal([("B", true), ("C", true)], met.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => (m.Key, m.Value)).ToList());
    }

    [Fact]
    public async Task A_dependency_cycle_is_an_error_naming_the_pipelines_and_nothing_runs()
    {
        // Given A -> B -> C -> A
        var ran = false;
        var engine = new Engine(
        [
            Make("A", ["B"], TestModules.Do(_ => ran = true)),
            Make("B", ["C"]),
            Make("C", ["A"]),
        ]);
        var build = NewBuild();

        // When it runs
        await engine.RunAsync(build);

        // Then one MG0001 names the cycle, and no module ran
        var error = Assert.Single(build.Diagnostics.Sorted());
        Assert.Equal("MG0001", error.Code.Id);
        Assert.Contains("A -> B -> C -> A", error.Message, StringComparison.Ordinal);
        Assert.False(ran);
    }

    [Fact]
    public void A_missing_dependency_is_an_error_at_start_up()
    {
        // Given a pipeline that depends on one that does not exist
        var engine = new Engine([Make("Pages", ["Essay", "Glossary"]), Make("Essay", [])]);

        // Then the engine reports it before running anything
        var error = Assert.Single(engine.Problems);
        Assert.Equal("MG0002", error.Code.Id);
        Assert.Equal("pipeline 'Pages' depends on 'Glossary', which does not exist", error.Message);
    }

    [Fact]
    public void Two_pipelines_with_one_name_are_an_error()
    {
        var engine = new Engine([Make("Essay", []), Make("Essay", [])]);

        Assert.Equal("MG0005", Assert.Single(engine.Problems).Code.Id);
    }

    [Fact]
    public async Task Independent_pipelines_run_concurrently()
    {
        // Given two independent pipelines that each wait until the other has started
        // (a sequential engine would deadlock, and the wait times out)
        using var aStarted = new SemaphoreSlim(0);
        using var bStarted = new SemaphoreSlim(0);
        var met = new ConcurrentDictionary<string, bool>();
        IModule Rendezvous(string name, SemaphoreSlim mine, SemaphoreSlim theirs) => TestModules.Async(async (inputs, _) =>
        {
            mine.Release();
            met[name] = await theirs.WaitAsync(TimeSpan.FromSeconds(10));
            return inputs;
        });
        var engine = new Engine([Make("A", [], Rendezvous("A", aStarted, bStarted)), Make("B", [], Rendezvous("B", bStarted, aStarted))]);

        // When they run
        var build = NewBuild();
        await engine.RunAsync(build);

        // Then each saw the other running at the same time
        Assert.True(met["A"]);
        Assert.True(met["B"]);
        Assert.False(build.Diagnostics.HasErrors);
    }

    [Fact]
    public async Task A_phase_reading_an_undeclared_pipeline_fails()
    {
        // Given B reads A's outputs without declaring A
        var engine = new Engine([Make("A", []), Make("B", [], TestModules.AppendFrom("A"))]);
        var build = NewBuild();

        // When it runs
        await engine.RunAsync(build);

        // Then the read fails with MG0003 naming both
        var error = Assert.Single(build.Diagnostics.Sorted());
        Assert.Equal("MG0003", error.Code.Id);
        Assert.Equal("Pipeline 'B' read the outputs of 'A' without declaring it as a dependency.", error.Message);
    }

    [Fact]
    public async Task The_input_phase_may_not_read_other_pipelines_even_declared_ones()
    {
        // Given B declares A but reads it in its Input phase, before A has finished
        var b = new Marginalia.Pipeline.BuildPipeline("B", "A");
        b.InputModules.Add(TestModules.Do(c => c.OutputsOf("A")));
        var engine = new Engine([Make("A", []), b]);
        var build = NewBuild();

        await engine.RunAsync(build);

        Assert.Equal("MG0003", Assert.Single(build.Diagnostics.Sorted()).Code.Id);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(ProcessSlots.LargeSourceSize, false)]
    public async Task A_large_sites_finished_documents_over_a_megabyte_wait_in_a_file_and_read_back_the_same(long largeSourceSize, bool spilled)
    {
        // Given A makes a page of 1 MiB and a bit (accents and an emoji in it) and a small one, and B reads A's page;
        // the site is large when its Input phases read at least largeSourceSize
        var page = string.Concat(Enumerable.Repeat("é \U0001F4DA ", 1 + ((int)Engine.SpillSize / 5))) + "end";
        var a = Make("A", [], TestModules.Async((_, _) => Task.FromResult<System.Collections.Immutable.ImmutableArray<Document>>(
            [new Document(null, "page.html", page), new Document(null, "small.html", "small")])));
        var seen = string.Empty;
        var b = Make("B", ["A"], TestModules.Do(c => seen = c.OutputsOf("A")[0].Content));

        // When the engine runs
        var result = await new Engine([a, b], largeSourceSize).RunAsync(NewBuild(write: false));

        // Then on a large site the page (and only the page) waits in a file, and reads back as it was made
        var big = result.Outputs["A"][0];
        Assert.Equal(spilled, big.IsSpilled);
        Assert.False(result.Outputs["A"][1].IsSpilled);
        Assert.Equal(page, big.Content);
        Assert.Equal(page, seen);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(page), big.ToBytes().ToArray());
        Assert.Equal("small", result.Outputs["A"][1].Content);
    }

    [Fact]
    public async Task On_a_large_site_the_heap_is_compacted_between_one_pipeline_and_the_next()
    {
        // Given A and then B, on a site large from its first byte; each notes the last full blocking collection it saw
        long before = -1, after = -1;
        var compacted = false;
        var a = Make("A", [], TestModules.Do(_ => before = GC.GetGCMemoryInfo(GCKind.FullBlocking).Index));
        var b = Make("B", ["A"], TestModules.Do(_ =>
        {
            var last = GC.GetGCMemoryInfo(GCKind.FullBlocking);
            (after, compacted) = (last.Index, last.Compacted);
        }));

        // When the engine runs
        await new Engine([a, b], largeSourceSize: 1).RunAsync(NewBuild(write: false));

        // Then B starts after a full, compacting collection that came after A
        Assert.True(after > before, $"last full blocking collection: {before} in A, {after} in B");
        Assert.True(compacted);
    }

    [Fact]
    public async Task The_output_phase_runs_only_when_the_build_has_no_errors()
    {
        // Given A writes in its Output phase and B reports an error
        var wrote = 0;
        var a = Make("A", []);
        a.OutputModules.Add(TestModules.Do(_ => Interlocked.Increment(ref wrote)));
        var b = Make("B", [], TestModules.Do(c => c.Diagnostics.Error(DiagnosticCodes.InvalidValue, new SourceLocation("input/x.md", 3, 7), "bad")));
        var build = NewBuild();

        // When it runs
        var result = await new Engine([a, b]).RunAsync(build);

        // Then nothing was written
        Assert.Equal(0, wrote);
        Assert.False(result.WroteOutput);
    }

    [Fact]
    public async Task A_module_that_throws_becomes_a_diagnostic_not_a_crash()
    {
        var engine = new Engine([Make("A", [], TestModules.Do(_ => throw new FormatException("boom")))]);
        var build = NewBuild();

        await engine.RunAsync(build);

        var error = Assert.Single(build.Diagnostics.Sorted());
        Assert.Equal("MG0004", error.Code.Id);
        Assert.Equal("pipeline 'A', phase Process: FormatException: boom", error.Message);
    }

    [Fact]
    public async Task Check_mode_skips_the_output_phase()
    {
        var wrote = false;
        var a = Make("A", []);
        a.OutputModules.Add(TestModules.Do(_ => wrote = true));

        var result = await new Engine([a]).RunAsync(NewBuild(write: false));

        Assert.False(wrote);
        Assert.False(result.WroteOutput);
    }

    [Fact]
    public async Task Work_deferred_by_an_output_phase_is_committed_when_every_output_phase_ends_cleanly()
    {
        // Given A defers a commit in its Output phase and B's Output phase succeeds
        var log = new ConcurrentQueue<string>();
        var a = Make("A", []);
        a.OutputModules.Add(TestModules.Do(c => c.Build.Defer(() => log.Enqueue("commit"), () => log.Enqueue("discard"))));
        var b = Make("B", []);
        b.OutputModules.Add(TestModules.Do(_ => log.Enqueue("B wrote")));

        // When it runs
        var result = await new Engine([a, b]).RunAsync(NewBuild());

        // Then the commit ran once, after B's Output phase, and nothing was discarded
        Assert.True(result.WroteOutput);
        Assert.Equal(["B wrote", "commit"], log);
    }

    [Fact]
    public async Task Work_deferred_by_an_output_phase_is_discarded_when_another_output_phase_throws()
    {
        // Given A defers a commit in its Output phase and B's Output phase throws
        var log = new ConcurrentQueue<string>();
        var a = Make("A", []);
        a.OutputModules.Add(TestModules.Do(c => c.Build.Defer(() => log.Enqueue("commit"), () => log.Enqueue("discard"))));
        var b = Make("B", []);
        b.OutputModules.Add(TestModules.Do(_ => throw new IOException("disk full")));
        var build = NewBuild();

        // When it runs
        var result = await new Engine([a, b]).RunAsync(build);

        // Then the deferred work was discarded, never committed, and the failure is the build's error
        Assert.False(result.WroteOutput);
        Assert.Equal(["discard"], log);
        Assert.Equal("pipeline 'B', phase Output: IOException: disk full", Assert.Single(build.Diagnostics.Sorted()).Message);
    }

    [Fact]
    public async Task Work_deferred_by_an_output_phase_is_discarded_when_the_build_is_cancelled_during_that_phase()
    {
        // Given A defers a commit and then cancels the build, still inside its Output phase
        var log = new ConcurrentQueue<string>();
        using var cancellation = new CancellationTokenSource();
        var a = Make("A", []);
        a.OutputModules.Add(TestModules.Do(c => c.Build.Defer(() => log.Enqueue("commit"), () => log.Enqueue("discard"))));
        a.OutputModules.Add(TestModules.Do(_ => cancellation.Cancel()));
        var build = new BuildContext(BuildRoots.From("in", "theme", "out", Path.GetTempPath()), new DiagnosticBag(), cancellation.Token);

        // When it runs, the cancellation ends it
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new Engine([a]).RunAsync(build));

        // Then the deferred work was discarded, never committed
        Assert.Equal(["discard"], log);
    }
}

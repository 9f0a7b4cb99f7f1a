using System.Collections.Immutable;
using System.Runtime;
using Marginalia.Diagnostics;

namespace Marginalia.Pipeline;

/// <summary>
/// Runs pipelines in dependency order. Every pipeline's Input phase starts at once; its Process phase waits for the
/// pipelines it declared, so independent pipelines run concurrently. The Output phase runs only if the whole build is
/// free of errors, so a failed build never writes; what the Output phase defers (<see cref="BuildContext.Defer"/>) is
/// committed only if that phase too ends with no error and no cancellation.
/// </summary>
internal sealed class Engine
{
    private static readonly SourceLocation EngineLocation = new("(pipelines)", 1, 1);

    /// <summary>
    /// Characters (or bytes) from which a large site's finished document waits for the Output phase in a temporary
    /// file rather than in memory (<see cref="Document.Spill"/>): at 10× a few dozen documents over a megabyte held
    /// 300 MB, half the heap at the end of the build, while a small site's documents stay where they are fastest.
    /// </summary>
    public const long SpillSize = 1024 * 1024;

    private readonly ImmutableArray<BuildPipeline> _pipelines;
    private readonly long _largeSourceSize;

    /// <param name="largeSourceSize">What a site's Input phases read from which it is large (<see cref="ProcessSlots"/>).</param>
    public Engine(IEnumerable<BuildPipeline> pipelines, long largeSourceSize = ProcessSlots.LargeSourceSize)
    {
        ArgumentNullException.ThrowIfNull(pipelines);
        _pipelines = [.. pipelines];
        _largeSourceSize = largeSourceSize;
        Problems = Validate(_pipelines);
    }

    /// <summary>Graph errors found at start-up (duplicates, missing dependencies, cycles); a build with any runs nothing.</summary>
    public IReadOnlyList<Diagnostic> Problems { get; }

    public IReadOnlyList<BuildPipeline> Pipelines => _pipelines;

    public async Task<EngineResult> RunAsync(BuildContext build)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (Problems.Count > 0)
        {
            build.Diagnostics.AddRange(Problems);
            return new EngineResult(ImmutableDictionary<string, ImmutableArray<Document>>.Empty, WroteOutput: false);
        }

        var runs = new Dictionary<string, Task<ImmutableArray<Document>?>>(StringComparer.Ordinal);
        var slots = new ProcessSlots(Environment.ProcessorCount, _largeSourceSize);
        var waitedOn = WaitedOn(_pipelines);
        var last = build.Carried.Count > 0 ? build.Cache?.Get<LastOutputs>(LastOutputs.Name) : null;
        foreach (var pipeline in TopologicalOrder(_pipelines))
        {
            if (last is not null && build.Carried.Contains(pipeline.Name) && last.Documents.TryGetValue(pipeline.Name, out var carried))
            {
                runs[pipeline.Name] = Task.FromResult<ImmutableArray<Document>?>(carried);
                continue;
            }

            var dependencies = pipeline.Dependencies.Select(d => runs[d]).ToArray();
            var priority = waitedOn[pipeline.Name];
            runs[pipeline.Name] = Task.Run(() => RunPipelineAsync(pipeline, dependencies, runs, slots, priority, build), build.CancellationToken);
        }

        await Task.WhenAll(runs.Values).ConfigureAwait(false);
        var outputs = runs.ToDictionary(r => r.Key, r => r.Value.Result ?? [], StringComparer.Ordinal);

        var failed = build.Diagnostics.HasErrors || runs.Values.Any(r => r.Result is null);
        if (!failed && build.Cache is { } cache)
        {
            // What a later build may carry: only a clean build's, so a carried pipeline never brings back a failure.
            cache.Set(LastOutputs.Name, new LastOutputs(outputs.ToImmutableDictionary(StringComparer.Ordinal)));
        }
        if (failed || !build.WriteOutput)
        {
            return new EngineResult(outputs.ToImmutableDictionary(StringComparer.Ordinal), WroteOutput: false);
        }

        // Output phases are independent of each other: each sees only its own pipeline's documents. What they
        // deferred (the swap of the staging folder) happens only when all of them finished cleanly.
        var committed = false;
        try
        {
            var written = await Task.WhenAll(_pipelines.Select(async p =>
                (p.Name, Docs: await RunPhaseAsync(p, Phase.Output, outputs[p.Name], ReadOutputs(outputs), build).ConfigureAwait(false))))
                .ConfigureAwait(false);
            foreach (var (name, docs) in written)
            {
                outputs[name] = docs ?? [];
            }

            build.CancellationToken.ThrowIfCancellationRequested();
            if (!build.Diagnostics.HasErrors && written.All(w => w.Docs is not null))
            {
                committed = true;
                build.Complete(commit: true);
            }
        }
        finally
        {
            if (!committed)
            {
                build.Complete(commit: false);
            }
        }

        return new EngineResult(outputs.ToImmutableDictionary(StringComparer.Ordinal), WroteOutput: !build.Diagnostics.HasErrors);

        Func<string, ImmutableArray<Document>> ReadOutputs(Dictionary<string, ImmutableArray<Document>> all) =>
            name => all.TryGetValue(name, out var docs) ? docs : [];
    }

    private async Task<ImmutableArray<Document>?> RunPipelineAsync(
        BuildPipeline pipeline,
        Task<ImmutableArray<Document>?>[] dependencies,
        Dictionary<string, Task<ImmutableArray<Document>?>> runs,
        ProcessSlots slots,
        int priority,
        BuildContext build)
    {
        var docs = await RunPhaseAsync(pipeline, Phase.Input, [], _ => [], build).ConfigureAwait(false);
        if (docs is { } read)
        {
            slots.Read(read);
        }

        var resolved = await Task.WhenAll(dependencies).ConfigureAwait(false);
        if (docs is null || resolved.Any(r => r is null))
        {
            return null; // a dependency failed unexpectedly: what it would have fed us is unknown
        }

        // In line for a slot as soon as the dependencies are done, before anything else is queued. Asked from a queued
        // task instead, a pipeline joined the line only once a pool thread was free to run that task, and with both
        // threads busy with pipelines that could be long after: on input/ the pages, which the single-file edition
        // and then the end of the build wait on, got in line after the book and the search index and ran last.
        var input = docs.Value;
        await slots.EnterAsync(priority, build.CancellationToken).ConfigureAwait(false);
        try
        {
            // The work itself is queued as a task of its own. Awaited inline, it ran on the thread that finished the
            // last dependency, and since modules are mostly synchronous, every pipeline waiting on the reader (pages,
            // search, discovery, EPUB) ran there one after the other while the other core stayed idle. The global
            // queue (PreferFairness) rather than that thread's own, which the other threads left to it.
            return await Task.Factory.StartNew(
                async () =>
                {
                    ImmutableArray<Document> Read(string name) => runs[name].Result ?? [];
                    var processed = await RunPhaseAsync(pipeline, Phase.Process, input, Read, build).ConfigureAwait(false);
                    var finished = processed is null ? null : await RunPhaseAsync(pipeline, Phase.PostProcess, processed.Value, Read, build).ConfigureAwait(false);
                    return finished is { } documents && slots.Large ? [.. documents.Select(d => d.Spill(SpillSize))] : finished;
                },
                CancellationToken.None, // the slot is given back below whatever happens; the phases themselves stop on cancellation
                TaskCreationOptions.PreferFairness,
                TaskScheduler.Default).Unwrap().ConfigureAwait(false);
        }
        finally
        {
            if (slots.Large)
            {
                Compact();
            }

            slots.Exit();
        }
    }

    /// <summary>
    /// On a large site, between one pipeline and the next (they run one at a time there): a full collection that
    /// compacts the large object heap too and gives the freed memory back, so the next starts from the live model
    /// alone, not from what the last one left scattered (at 10× the pages and the editions are strings and arrays of
    /// tens of megabytes). A small site never pays for it, and no longer pays for a collector tuned to save memory in
    /// every collection (<c>System.GC.ConserveMemory</c>, which cost the 1× corpus a tenth of its build time).
    /// </summary>
    private static void Compact()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private static async Task<ImmutableArray<Document>?> RunPhaseAsync(
        BuildPipeline pipeline,
        Phase phase,
        ImmutableArray<Document> documents,
        Func<string, ImmutableArray<Document>> read,
        BuildContext build)
    {
        var context = new ExecutionContext(build, pipeline, phase, read);
        try
        {
            foreach (var module in pipeline.ModulesOf(phase))
            {
                build.CancellationToken.ThrowIfCancellationRequested();
                documents = await module.ExecuteAsync(documents, context).ConfigureAwait(false);
            }

            return documents;
        }
        catch (UndeclaredDependencyException ex)
        {
            build.Diagnostics.Error(DiagnosticCodes.UndeclaredDependency, EngineLocation, ex.Message);
            return null;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // A module bug becomes a diagnostic naming the module, never a stack trace on the reader's console.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var inner = ex is AggregateException { InnerExceptions.Count: 1 } agg ? agg.InnerExceptions[0] : ex;
            build.Diagnostics.Error(
                DiagnosticCodes.ModuleFailed,
                EngineLocation,
                $"pipeline '{pipeline.Name}', phase {phase}: {inner.GetType().Name}: {inner.Message}",
                "this is a bug in Marginalia; run with --verbose and report it");
            return null;
        }
    }

    private static List<Diagnostic> Validate(ImmutableArray<BuildPipeline> pipelines)
    {
        var problems = new List<Diagnostic>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pipeline in pipelines)
        {
            if (!names.Add(pipeline.Name))
            {
                problems.Add(Diagnostic.Error(DiagnosticCodes.DuplicatePipeline, EngineLocation, $"pipeline '{pipeline.Name}' is defined twice"));
            }
        }

        foreach (var pipeline in pipelines)
        {
            foreach (var dependency in pipeline.Dependencies.Where(d => !names.Contains(d)))
            {
                problems.Add(Diagnostic.Error(
                    DiagnosticCodes.MissingDependency,
                    EngineLocation,
                    $"pipeline '{pipeline.Name}' depends on '{dependency}', which does not exist"));
            }
        }

        if (problems.Count == 0 && FindCycle(pipelines) is { } cycle)
        {
            problems.Add(Diagnostic.Error(
                DiagnosticCodes.PipelineCycle,
                EngineLocation,
                $"pipelines depend on each other in a cycle: {string.Join(" -> ", cycle)}"));
        }

        return problems;
    }

    /// <summary>Depth-first search; returns the pipelines of the first cycle found, closing where it started.</summary>
    private static List<string>? FindCycle(ImmutableArray<BuildPipeline> pipelines)
    {
        var byName = pipelines.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 visiting, 2 done
        var path = new List<string>();

        List<string>? Visit(string name)
        {
            state[name] = 1;
            path.Add(name);
            foreach (var dependency in byName[name].Dependencies)
            {
                if (state.GetValueOrDefault(dependency) == 1)
                {
                    return [.. path.Skip(path.IndexOf(dependency)), dependency];
                }

                if (state.GetValueOrDefault(dependency) == 0 && Visit(dependency) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[name] = 2;
            return null;
        }

        foreach (var pipeline in pipelines)
        {
            if (state.GetValueOrDefault(pipeline.Name) == 0 && Visit(pipeline.Name) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    /// <summary>
    /// For each pipeline, how many others wait on its output, directly or through others: when a core frees, the one
    /// more of the build waits on processes first (<see cref="ProcessSlots"/>). At 1x the search index (which the
    /// single-file edition and the offline manifest wait on) then no longer waits behind the book (which only the
    /// manifest waits on).
    /// </summary>
    internal static Dictionary<string, int> WaitedOn(ImmutableArray<BuildPipeline> pipelines)
    {
        var waiting = pipelines.ToDictionary(p => p.Name, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var pipeline in pipelines)
        {
            foreach (var dependency in pipeline.Dependencies.Where(waiting.ContainsKey))
            {
                waiting[dependency].Add(pipeline.Name);
            }
        }

        return pipelines.ToDictionary(p => p.Name, p => Below(p.Name).Count, StringComparer.Ordinal);

        HashSet<string> Below(string name)
        {
            var found = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>(waiting[name]);
            while (pending.TryPop(out var next))
            {
                if (found.Add(next))
                {
                    foreach (var further in waiting[next])
                    {
                        pending.Push(further);
                    }
                }
            }

            return found;
        }
    }

    private static List<BuildPipeline> TopologicalOrder(ImmutableArray<BuildPipeline> pipelines)
    {
        var byName = pipelines.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var ordered = new List<BuildPipeline>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Visit(BuildPipeline pipeline)
        {
            if (!seen.Add(pipeline.Name))
            {
                return;
            }

            foreach (var dependency in pipeline.Dependencies)
            {
                Visit(byName[dependency]);
            }

            ordered.Add(pipeline);
        }

        foreach (var pipeline in pipelines)
        {
            Visit(pipeline);
        }

        return ordered;
    }

    private sealed class ExecutionContext(BuildContext build, BuildPipeline pipeline, Phase phase, Func<string, ImmutableArray<Document>> read)
        : IExecutionContext
    {
        public BuildContext Build => build;

        public string PipelineName => pipeline.Name;

        public Phase Phase => phase;

        public ImmutableArray<string> Dependencies => pipeline.Dependencies;

        public ImmutableArray<Document> OutputsOf(string pipelineName)
        {
            // Input phases run before any dependency has finished, so they may read nothing.
            if (phase == Phase.Input || !pipeline.Dependencies.Contains(pipelineName, StringComparer.Ordinal))
            {
                throw new UndeclaredDependencyException(pipeline.Name, pipelineName);
            }

            return read(pipelineName);
        }
    }
}

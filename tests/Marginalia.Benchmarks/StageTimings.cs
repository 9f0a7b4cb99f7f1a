using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Pipeline;
using Marginalia.Site;

namespace Marginalia.Benchmarks;

/// <summary>
/// Where a build's time goes, module by module, in a fresh process: the first (cold) build, which is what the
/// `marginalia build` command pays, and the median of warm builds, which is what BenchmarkDotNet's FullBuild measures.
/// BenchmarkDotNet cannot show this split: it discards the cold run that dominates a one-shot command.
/// </summary>
internal static class StageTimings
{
    private const string Settings = "site.yml (read + YAML + validate)";
    private const string EngineTotal = "engine, all pipelines (wall)";
    private const string WholeBuild = "whole build (wall)";

    /// <param name="warmRuns">Warm builds after the cold one; the warm column is their median.</param>
    /// <param name="site">A folder holding input/ and theme/ (e.g. one written by <c>--corpus</c>); the repository's by default.</param>
    /// <param name="preview">Build as the preview rebuilds: one <see cref="BuildCache"/> kept across builds, a note
    /// edited before each warm build, which is the pages pass (the editions carried, only the reader rendered anew, as
    /// with one browser showing it); the editions pass after each is run but not timed. What an author waits for after a save, module by module.</param>
    public static async Task<int> RunAsync(int warmRuns, string? site = null, bool preview = false)
    {
        // Process.StartTime is read from the kernel at clock-tick resolution: good to about 10 ms, enough to see start-up.
        var toMain = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var root = site is null ? RepoRoot.Locate() : Path.GetFullPath(site);
        var scratch = Directory.CreateTempSubdirectory("marginalia-stages-").FullName;
        var cache = preview ? new BuildCache() : null;
        try
        {
            if (preview)
            {
                // The edits go to a copy, never to the folder measured from.
                CopyTree(Path.Combine(root, "input"), Path.Combine(scratch, "site", "input"));
                CopyTree(Path.Combine(root, "theme"), Path.Combine(scratch, "site", "theme"));
                root = Path.Combine(scratch, "site");
            }

            var output = Path.Combine(scratch, "out");
            var (cold, errors) = await BuildOnceAsync(root, output, cache).ConfigureAwait(false);
            if (errors.Count > 0)
            {
                // Print what was timed (a failed build skips its Output phase, so it is less work than a real one),
                // then the errors, and fail: the timings of a failed build must not pass for a real build's.
                Print(toMain, cold, []);
                Console.WriteLine($"THE BUILD FAILED, so these timings are not a real build's; {errors.Count} errors, the first:");
                foreach (var error in errors.Take(10))
                {
                    Console.WriteLine("  " + error);
                }

                return 1;
            }

            var warm = new List<IReadOnlyDictionary<string, Sample>>();
            var note = preview ? Directory.EnumerateFiles(Path.Combine(root, "input", "annotations"), "*.md").Order(StringComparer.Ordinal).First() : null;
            var original = note is null ? null : await File.ReadAllTextAsync(note).ConfigureAwait(false);
            for (var i = 0; i < warmRuns; i++)
            {
                if (note is not null)
                {
                    await File.WriteAllTextAsync(note, original + $"\nEdit {i.ToString(CultureInfo.InvariantCulture)}.\n").ConfigureAwait(false);
                }

                warm.Add((await BuildOnceAsync(root, output, cache, changed: note).ConfigureAwait(false)).Samples);
                if (preview)
                {
                    // The editions pass that follows, untimed: the next save's pages pass starts from it as preview's does.
                    await BuildOnceAsync(root, output, cache).ConfigureAwait(false);
                }
            }

            Print(toMain, cold, warm);
            return 0;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>
    /// SiteBuilder.BuildAsync, step for step, with every module of every pipeline wrapped in a stopwatch. It has to be
    /// re-assembled here because SiteBuilder builds its pipelines internally; keep it in step with SiteBuilder.
    /// </summary>
    private static async Task<(IReadOnlyDictionary<string, Sample> Samples, IReadOnlyList<Diagnostic> Errors)> BuildOnceAsync(string root, string output, BuildCache? cache, string? changed = null)
    {
        var carried = changed is not null;
        var samples = new ConcurrentDictionary<string, Sample>(StringComparer.Ordinal);
        var whole = Probe.Start();
        var roots = BuildRoots.From("input", "theme", output, root);
        var diagnostics = new DiagnosticBag();

        var settingsProbe = Probe.Start();
        var settingsPath = Path.Combine(roots.Input, SiteBuilder.SettingsFile);
        var settingsText = SourceFileReader.Read(settingsPath, roots.Display(settingsPath), diagnostics);
        var site = settingsText is null ? null : SiteSettingsParser.Read(settingsText, diagnostics);
        samples[Settings] = settingsProbe.Stop();
        if (site is null)
        {
            throw new InvalidOperationException("site.yml does not load: " + string.Join("; ", diagnostics.Sorted()));
        }

        var pipelines = SitePipelines.Create();
        foreach (var pipeline in pipelines)
        {
            // The phase lists themselves, not ModulesOf(phase): that returns a read-only view we must not cast back.
            foreach (var (phase, modules) in new[]
            {
                (Phase.Input, pipeline.InputModules), (Phase.Process, pipeline.ProcessModules),
                (Phase.PostProcess, pipeline.PostProcessModules), (Phase.Output, pipeline.OutputModules),
            })
            {
                for (var i = 0; i < modules.Count; i++)
                {
                    modules[i] = new TimedModule(modules[i], $"{pipeline.Name}/{phase}/{modules[i].GetType().Name}", samples);
                }
            }
        }

        var build = new BuildContext(roots, diagnostics)
        {
            Settings = Metadata.Empty.With(ContentKeys.Site, site),
            Cache = cache,
            Carried = changed is null
                ? new HashSet<string>()
                : SitePipelines.Editions.Union(SitePipelines.UnchangedSources([roots.Display(changed)], roots)).ToHashSet(StringComparer.Ordinal),
            Shown = carried ? ShownPages : null,
        };
        var engineProbe = Probe.Start();
        EngineResult result;
        try
        {
            result = await new Engine(pipelines).RunAsync(build).ConfigureAwait(false);
        }
        finally
        {
            if (!carried)
            {
                cache?.EndBuild();
            }
        }

        samples[EngineTotal] = engineProbe.Stop();
        samples[WholeBuild] = whole.Stop();
        return (samples, result.WroteOutput && !diagnostics.HasErrors ? [] : [.. diagnostics.Sorted().Where(d => d.IsError)]);
    }

    private static void Print(TimeSpan toMain, IReadOnlyDictionary<string, Sample> cold, List<IReadOnlyDictionary<string, Sample>> warm)
    {
        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(invariant, $"runtime start-up, process start to Main: ~{toMain.TotalMilliseconds:F0} ms"));
        Console.WriteLine(string.Create(invariant, $"warm runs: {warm.Count}; tiered compilation: {Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") ?? "default"}, GC: {(GCSettings.IsServerGC ? "server" : "workstation")}"));
        Console.WriteLine();
        Console.WriteLine(string.Create(invariant, $"{"stage",-62} {"cold ms",9} {"JIT ms",8} {"methods",8} {"warm ms",9} {"warm %",7}"));
        var total = warm.Count > 0 ? Median(warm.Select(w => w[WholeBuild].Milliseconds)) : cold[WholeBuild].Milliseconds;

        // Module rows in the order they started in the cold build; the totals last.
        var rows = cold.Where(s => s.Key is not (EngineTotal or WholeBuild)).OrderBy(s => s.Value.Started).Select(s => s.Key)
            .Concat([EngineTotal, WholeBuild]);
        foreach (var name in rows)
        {
            var c = cold[name];
            var median = Median(warm.Select(w => w.TryGetValue(name, out var s) ? s.Milliseconds : double.NaN).Where(ms => !double.IsNaN(ms)));
            Console.WriteLine(string.Create(invariant, $"{name,-62} {c.Milliseconds,9:F2} {c.JitMilliseconds,8:F1} {c.JitMethods,8} {median,9:F3} {100 * (warm.Count > 0 ? median : c.Milliseconds) / total,6:F1}%"));
        }

        Console.WriteLine();
        Console.WriteLine("cold = the first build in this process (what one `marginalia build` pays after start-up); warm = median of the later builds.");
        Console.WriteLine("JIT ms and methods are process-wide deltas over the stage: pipelines run concurrently, so overlapping stages share them.");
        Console.WriteLine("warm % = the stage's warm median over the whole build's (its cold time over the cold build's when there are no warm runs); concurrent pipelines overlap, so the shares add up to more than 100%.");
    }

    // The page a browser shows in the pages pass, as preview's latency benchmark opens it: the reader.
    private static readonly HashSet<string> ShownPages = new(["index.html"], StringComparer.Ordinal);

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private readonly record struct Sample(long Started, double Milliseconds, double JitMilliseconds, long JitMethods);

    private readonly record struct Probe(long Started, TimeSpan Jit, long Methods)
    {
        public static Probe Start() => new(Stopwatch.GetTimestamp(), System.Runtime.JitInfo.GetCompilationTime(), System.Runtime.JitInfo.GetCompiledMethodCount());

        public Sample Stop() => new(
            Started,
            Stopwatch.GetElapsedTime(Started).TotalMilliseconds,
            (System.Runtime.JitInfo.GetCompilationTime() - Jit).TotalMilliseconds,
            System.Runtime.JitInfo.GetCompiledMethodCount() - Methods);
    }

    private sealed class TimedModule(IModule inner, string name, ConcurrentDictionary<string, Sample> samples) : IModule
    {
        public async Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
        {
            var probe = Probe.Start();
            var outputs = await inner.ExecuteAsync(inputs, context).ConfigureAwait(false);
            samples[name] = probe.Stop();
            return outputs;
        }
    }
}

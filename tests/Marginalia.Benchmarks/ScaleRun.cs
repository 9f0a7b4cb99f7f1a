using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Marginalia.Benchmarks.Corpus;
using Marginalia.Content;
using Marginalia.Editions.SingleFile;
using Marginalia.Site;

namespace Marginalia.Benchmarks;

/// <summary>
/// How a build scales with its content: the real input, then generated corpora of 1× and 10× (see ScaleCorpus), each
/// built in a fresh child process (this program, <c>--build DIR</c>) for wall time and peak memory, then profiled
/// stage by stage in another child (<c>--stages N DIR</c>). Ten times the content should take at most ten times the time.
/// </summary>
internal static class ScaleRun
{
    private const string TimeTool = "/usr/bin/time";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary><c>--corpus SIZE DIR</c>: writes DIR/input (generated, or the repository's for <c>real</c>) and DIR/theme.</summary>
    public static int WriteCorpus(string size, string folder)
    {
        var clock = Stopwatch.StartNew();
        var corpus = ScaleCorpus.WriteSite(size, folder, RepoRoot.Locate());
        Console.WriteLine(corpus is null
            ? $"wrote {folder}/input (the repository's) and {folder}/theme"
            : string.Create(Invariant, $"wrote {folder}/input: {corpus.Words:N0} words, {corpus.Notes.Count:N0} notes, {corpus.Terms.Count:N0} terms, {corpus.Mentions.Count:N0} initiatives; and {folder}/theme ({clock.ElapsedMilliseconds} ms)"));
        Console.WriteLine($"build it with: dotnet run -c Release --project src/Marginalia.Cli -- build --input {folder}/input --theme {folder}/theme --output {folder}/output");
        return 0;
    }

    /// <summary>
    /// Lifts the essay's size limit (512 KB), its structure budget and the single-file edition's (32 MiB) for this
    /// process: the 10× essay is 3.6 MB with some 400 headings and 5,000 paragraphs and its single-file edition 35 MB,
    /// over all three by design, and the point here is how the rest of the build scales. Contributions keep every limit. Only <c>--build</c> and <c>--stages</c> call it.
    /// </summary>
    public static void LiftInputLimits()
    {
        SourceFileReader.MaxBytes = 64 * 1024 * 1024;
        EssayBudget.Enforced = false;
        SingleFileBudget.Site = SingleFileBudget.Unlimited;
    }

    /// <summary>
    /// <c>--build DIR</c>, the child: one SiteBuilder.BuildAsync of DIR/input and DIR/theme into DIR/output, which is
    /// what <c>marginalia build</c> does after parsing its arguments. Prints one machine-read line, then the warnings.
    /// </summary>
    public static async Task<int> BuildChildAsync(string folder)
    {
        var site = Path.GetFullPath(folder);
        var output = Path.Combine(site, "output");
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        var clock = Stopwatch.StartNew();
        var result = await SiteBuilder.BuildAsync(new BuildOptions(Input: "input", Theme: "theme", Output: output) { WorkingDirectory = site }).ConfigureAwait(false);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var errors = result.Diagnostics.Count(d => d.Severity == Diagnostics.Severity.Error);
        var warnings = result.Diagnostics.Where(d => d.Severity == Diagnostics.Severity.Warning).ToList();
        Console.WriteLine(string.Create(Invariant,
            $"BUILD ok={result.Succeeded} ms={elapsed:F1} files={result.Written.Count} errors={errors} warnings={warnings.Count} vmhwm-kb={PeakResidentKilobytes()}"));
        foreach (var group in warnings.GroupBy(d => d.Code.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(string.Create(Invariant, $"  warning {group.Key} x{group.Count()}: {group.First()}"));
        }

        foreach (var error in result.Diagnostics.Where(d => d.Severity == Diagnostics.Severity.Error).Take(10))
        {
            Console.WriteLine($"  {error}");
        }

        return result.Succeeded ? 0 : 1;
    }

    /// <summary><c>--scale [RUNS] [WARM]</c>: the scaling table for real, 1× and 10×.</summary>
    public static int Run(int runs, int warmRuns, IReadOnlyList<string> sizes)
    {
        var root = RepoRoot.Locate();
        var scratch = Directory.CreateTempSubdirectory("marginalia-scale-").FullName;
        var rows = new List<Row>();
        try
        {
            foreach (var size in sizes)
            {
                var site = Path.Combine(scratch, size);
                var corpus = ScaleCorpus.WriteSite(size, site, root);
                var inputFiles = Directory.EnumerateFiles(Path.Combine(site, "input"), "*", SearchOption.AllDirectories).Count();
                var words = corpus?.Words ?? CountWords(Path.Combine(site, "input", "essay.md"));
                Console.WriteLine(string.Create(Invariant, $"=== {size}: {words:N0} words, {inputFiles:N0} input files; {Load()}"));

                var builds = new List<Build>();
                for (var i = 0; i < runs; i++)
                {
                    var build = BuildInChild(site);
                    Console.WriteLine(string.Create(Invariant,
                        $"  run {i + 1}: {(build.Ok ? "ok" : "FAILED")}, wall {build.WallMs,8:F0} ms, in-process build {build.BuildMs,8:F0} ms, peak RSS {build.PeakKb / 1024.0,7:F1} MB, {build.Files} files written; {Load()}"));
                    builds.Add(build);
                    if (!build.Ok)
                    {
                        break; // a failed build skips its output: timing it again says nothing more
                    }
                }

                foreach (var line in builds[0].Notes)
                {
                    Console.WriteLine(line);
                }

                Console.WriteLine(string.Create(Invariant, $"--- {size}: stages, cold build then median of {warmRuns} warm builds, in a fresh process; {Load()}"));
                RunChild(["--stages", (builds.All(b => b.Ok) ? warmRuns : 0).ToString(Invariant), site], echo: true);
                rows.Add(new Row(size, words, inputFiles, Median(builds.Select(b => b.WallMs)), Median(builds.Select(b => b.BuildMs)), builds.Max(b => b.PeakKb), builds[0].Files, builds.All(b => b.Ok)));
                Directory.Delete(site, recursive: true);
            }

            Print(rows);
            return 0;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static void Print(List<Row> rows)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(Invariant, $"scaling, {Load()}"));
        Console.WriteLine($"{"corpus",-7} {"words",9} {"inputs",7} {"written",8} {"wall ms",9} {"build ms",9} {"peak MB",8}");
        foreach (var r in rows)
        {
            Console.WriteLine(string.Create(Invariant, $"{r.Size,-7} {r.Words,9:N0} {r.InputFiles,7:N0} {r.Written,8:N0} {r.WallMs,9:F0} {r.BuildMs,9:F0} {r.PeakKb / 1024.0,8:F1}{(r.Ok ? string.Empty : "  BUILD FAILED (no output written: less work than a real build)")}"));
        }

        if (rows.Find(r => r.Size == "1x") is { } one && rows.Find(r => r.Size == "10x") is { } ten)
        {
            var verdict = one.Ok && ten.Ok ? string.Empty : "; NOT COMPARABLE: a build failed";
            Console.WriteLine(string.Create(Invariant,
                $"10x/1x: wall {ten.WallMs / one.WallMs:F2}x, in-process build {ten.BuildMs / one.BuildMs:F2}x, peak memory {(double)ten.PeakKb / one.PeakKb:F2}x (target: time <= 10x){verdict}"));
        }

        Console.WriteLine("wall = the child process from start to exit (runtime start-up and JIT included); build = SiteBuilder.BuildAsync inside it; " +
            $"peak = {(File.Exists(TimeTool) ? "/usr/bin/time -v's maximum resident set size" : "the child's VmHWM")}; medians over runs, peak the largest.");
    }

    private static Build BuildInChild(string site)
    {
        var clock = Stopwatch.StartNew();
        var (code, stdout, stderr) = RunChild(["--build", site], echo: false, underTime: File.Exists(TimeTool));
        var wall = clock.Elapsed.TotalMilliseconds;
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var summary = lines.FirstOrDefault(l => l.StartsWith("BUILD ", StringComparison.Ordinal));
        if (summary is null)
        {
            throw new InvalidOperationException($"the build of {site} crashed (exit {code}):\n{stdout}\n{stderr}");
        }

        var fields = summary[6..].Split(' ').Select(f => f.Split('=')).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        var peak = long.Parse(fields["vmhwm-kb"], Invariant);
        var maxRss = stderr.Split('\n').FirstOrDefault(l => l.Contains("Maximum resident set size", StringComparison.Ordinal));
        if (maxRss is not null)
        {
            peak = long.Parse(maxRss[(maxRss.LastIndexOf(':') + 1)..].Trim(), Invariant);
        }

        return new Build(code == 0, wall, double.Parse(fields["ms"], Invariant), peak, int.Parse(fields["files"], Invariant),
            [.. lines.Where(l => l.StartsWith("  ", StringComparison.Ordinal)).Prepend($"  {summary}")]);
    }

    /// <summary>This program again, in a fresh process: the apphost when there is one, else <c>dotnet Marginalia.Benchmarks.dll</c>.</summary>
    private static (int Code, string Stdout, string Stderr) RunChild(IReadOnlyList<string> arguments, bool echo, bool underTime = false)
    {
        var self = Environment.ProcessPath ?? "dotnet";
        var command = new List<string>();
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            command.Add(Assembly.GetExecutingAssembly().Location);
        }

        command.AddRange(arguments);
        var start = new ProcessStartInfo(underTime ? TimeTool : self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (underTime)
        {
            start.ArgumentList.Add("-v");
            start.ArgumentList.Add(self);
        }

        foreach (var argument in command)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {self}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = new System.Text.StringBuilder();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            stdout.Append(line).Append('\n');
            if (echo)
            {
                Console.WriteLine(line);
            }
        }

        process.WaitForExit();
        if (echo && process.ExitCode != 0)
        {
            Console.WriteLine($"({string.Join(' ', arguments)} exited with {process.ExitCode}) {stderr.Result}");
        }

        return (process.ExitCode, stdout.ToString(), stderr.Result);
    }

    /// <summary>The process's peak resident set (VmHWM in /proc/self/status), in kB; 0 where there is no /proc.</summary>
    private static long PeakResidentKilobytes()
    {
        const string Status = "/proc/self/status";
        if (!File.Exists(Status))
        {
            return Process.GetCurrentProcess().PeakWorkingSet64 / 1024;
        }

        var line = File.ReadLines(Status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], Invariant);
    }

    private static string Load() =>
        File.Exists("/proc/loadavg") ? "load " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "load n/a";

    private static int CountWords(string essay) =>
        File.ReadAllText(essay).Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed record Build(bool Ok, double WallMs, double BuildMs, long PeakKb, int Files, IReadOnlyList<string> Notes);

    private sealed record Row(string Size, int Words, int InputFiles, double WallMs, double BuildMs, long PeakKb, int Written, bool Ok);
}

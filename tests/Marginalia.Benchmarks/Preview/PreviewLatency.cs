using System.Diagnostics;
using System.Globalization;
using Marginalia.Preview;
using Marginalia.Site;

namespace Marginalia.Benchmarks.Preview;

/// <summary>
/// What an author waits for in preview: from saving a changed note to the reload event the browser acts on. Runs the
/// real preview server on a copy of input/ and theme/, listens on its event stream as a browser does, and edits one
/// note <c>N</c> times, each once the previous reload has arrived and the watcher has gone quiet.
/// </summary>
internal static class PreviewLatency
{
    private const string Note = "input/annotations/datasets-language-skew.md";

    public static async Task<int> RunAsync(int edits)
    {
        var work = Path.Combine(Path.GetTempPath(), "marginalia-latency-" + Guid.NewGuid().ToString("N"));
        Copy(Path.Combine(RepoRoot.Locate(), "input"), Path.Combine(work, "input"));
        Copy(Path.Combine(RepoRoot.Locate(), "theme"), Path.Combine(work, "theme"));
        try
        {
            var builds = new List<double>();
            var options = new PreviewOptions(new BuildOptions { WorkingDirectory = work })
            {
                Port = 0,
                OnBuild = build =>
                {
                    lock (builds)
                    {
                        builds.Add(build.Elapsed.TotalMilliseconds);
                    }
                },
            };
            await using var server = await PreviewServer.StartAsync(options).ConfigureAwait(false);
            using var http = new HttpClient { BaseAddress = server.Address, Timeout = Timeout.InfiniteTimeSpan };
            using var stream = new StreamReader(await http.GetStreamAsync(new Uri("__marginalia/events", UriKind.Relative)).ConfigureAwait(false));
            await NextEventAsync(stream, "build").ConfigureAwait(false);

            var note = Path.Combine(work, Note);
            var original = await File.ReadAllTextAsync(note).ConfigureAwait(false);
            var times = new List<double>();
            for (var i = 0; i <= edits; i++)
            {
                await Task.Delay(300).ConfigureAwait(false); // let the watcher and the last build settle
                var clock = Stopwatch.StartNew();
                await File.WriteAllTextAsync(note, original + $"\nEdit {i.ToString(CultureInfo.InvariantCulture)}.\n").ConfigureAwait(false);
                await NextEventAsync(stream, "reload").ConfigureAwait(false);
                if (i > 0)
                {
                    times.Add(clock.Elapsed.TotalMilliseconds); // the first edit warms the JIT for rebuilds, as an author's first save does
                }
            }

            times.Sort();
            var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"preview latency, save to reload event, {times.Count} edits of {Note}: median {median:F1} ms, best {times[0]:F1} ms, worst {times[^1]:F1} ms (debounce {options.Debounce.TotalMilliseconds:F0} ms)"));
            List<double> rebuilds;
            lock (builds)
            {
                rebuilds = [.. builds.Skip(2).Order()]; // the first build and the warm-up edit's
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  of which the rebuild itself: median {rebuilds[rebuilds.Count / 2]:F1} ms, worst {rebuilds[^1]:F1} ms"));
            Console.WriteLine("load average: " + (File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown"));
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Reads Server-Sent Events until one named <paramref name="name"/> arrives.</summary>
    private static async Task NextEventAsync(StreamReader stream, string name)
    {
        while (await stream.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (line == "event: " + name)
            {
                return;
            }
        }

        throw new InvalidOperationException("the preview closed its event stream");
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using Marginalia.Preview;
using Marginalia.Site;
using Microsoft.Playwright;

namespace Marginalia.Benchmarks.Preview;

/// <summary>
/// What an author waits for in preview: from saving a changed note to the change showing in the browser. Runs the real
/// preview server on a copy of input/ and theme/, opens the reader in Chromium at 1440 × 900 with the note open in the
/// margin, and edits the note <c>N</c> times, each once the previous edit shows, the editions pass after it has
/// finished, and 300 ms have passed.
/// </summary>
/// <remarks>
/// One clock, the system's wall clock, read on both sides: the time is taken here just before the file is written,
/// and the page stamps <c>Date.now()</c> in the animation frame after the edited text reaches the note (a
/// MutationObserver installed by an init script, so it is there again if the page reloads rather than patches).
/// Date.now() counts whole milliseconds: each figure is within a millisecond.
/// </remarks>
internal static class PreviewLatency
{
    private const string Note = "input/annotations/datasets-language-skew.md";
    private const string NoteElement = "note-datasets-language-skew";

    // Installed in every document the page loads: stamps the frame in which the text asked for is in the note.
    private const string Watcher =
        """
        (() => {
          const stamp = () => {
            const wanted = sessionStorage.getItem('bench-wanted');
            const note = document.getElementById('NOTE');
            if (!wanted || sessionStorage.getItem('bench-seen') || !note || !note.textContent.includes(wanted)) return;
            sessionStorage.setItem('bench-seen', 'pending');
            requestAnimationFrame(() => {
              sessionStorage.setItem('bench-seen-here', String(performance.now()));
              sessionStorage.setItem('bench-seen', String(Date.now()));
            });
          };
          new MutationObserver(stamp).observe(document, { subtree: true, childList: true, characterData: true });
        })();
        """;

    public static async Task<int> RunAsync(int edits)
    {
        var work = Path.Combine(Path.GetTempPath(), "marginalia-latency-" + Guid.NewGuid().ToString("N"));
        Copy(Path.Combine(RepoRoot.Locate(), "input"), Path.Combine(work, "input"));
        Copy(Path.Combine(RepoRoot.Locate(), "theme"), Path.Combine(work, "theme"));
        try
        {
            var builds = new List<(PreviewPass Pass, double Milliseconds, double Announced)>();
            var options = new PreviewOptions(new BuildOptions { WorkingDirectory = work })
            {
                Port = 0,
                OnBuild = build =>
                {
                    lock (builds)
                    {
                        builds.Add((build.Pass, build.Elapsed.TotalMilliseconds, (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMilliseconds));
                    }
                },
            };
            await using var server = await PreviewServer.StartAsync(options).ConfigureAwait(false);
            using var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
            await using var browser = await BenchmarkChromium.LaunchAsync(playwright).ConfigureAwait(false);
            if (browser is null)
            {
                return 1;
            }

            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } }).ConfigureAwait(false);
            await page.AddInitScriptAsync(Watcher.Replace("NOTE", NoteElement, StringComparison.Ordinal)).ConfigureAwait(false);
            await page.GotoAsync(server.Address.ToString()).ConfigureAwait(false);
            await WaitForPreviewAsync(page).ConfigureAwait(false);
            // The note opened in the margin, scrolled into view: its whole text is on screen, not only its first words.
            await page.EvaluateAsync(
                $$"""
                () => {
                  const note = document.getElementById('{{NoteElement}}');
                  note.scrollIntoView({ block: 'center', behavior: 'instant' });
                  note.querySelector('.note-fold')?.click();
                  window.benchUnreloaded = true;
                }
                """).ConfigureAwait(false);

            var note = Path.Combine(work, Note);
            var original = await File.ReadAllTextAsync(note).ConfigureAwait(false);
            var times = new List<double>();
            var reloads = 0;
            var fetches = new List<double>();
            var toAnnounced = new List<double>();
            var afterAnnounced = new List<double>();
            var patches = new List<double>();
            for (var i = 0; i <= edits; i++)
            {
                // An author reads the change before saving again: the editions pass the last save started has
                // finished (it is given up if a save comes first, which would put its wind-down in the next figure).
                await IdleAsync(builds).ConfigureAwait(false);
                await Task.Delay(300).ConfigureAwait(false); // let the watcher and the last build settle
                var wanted = $"Edit {i.ToString(CultureInfo.InvariantCulture)}, {Guid.NewGuid():N}.";
                await page.EvaluateAsync("w => { sessionStorage.removeItem('bench-seen'); sessionStorage.setItem('bench-wanted', w); }", wanted).ConfigureAwait(false);
                var saved = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMilliseconds;
                await File.WriteAllTextAsync(note, original + $"\n{wanted}\n").ConfigureAwait(false);
                var seen = await SeenAsync(page).ConfigureAwait(false);
                if (i > 0)
                {
                    times.Add(seen - saved); // the first edit warms the JIT for rebuilds, as an author's first save does
                    lock (builds)
                    {
                        // The server's side and the page's, split at the moment the pages were announced.
                        if (builds.LastOrDefault(b => b.Pass != PreviewPass.Editions && b.Announced >= saved) is { Announced: > 0 } announced)
                        {
                            toAnnounced.Add(announced.Announced - saved);
                            afterAnnounced.Add(seen - announced.Announced);
                        }
                    }
                }

                if (await StillUnreloadedAsync(page).ConfigureAwait(false))
                {
                    if (i > 0)
                    {
                        // The page's own share, on the page's own clock: fetching the page anew, then parsing,
                        // comparing and patching it until the frame that shows it.
                        var shares = await page.EvaluateAsync<double[]>(
                            """
                            () => {
                              const fetched = performance.getEntriesByType('resource').filter(e => e.name.includes('/__marginalia/page')).pop();
                              return [fetched.responseEnd - fetched.startTime, Number(sessionStorage.getItem('bench-seen-here')) - fetched.responseEnd];
                            }
                            """).ConfigureAwait(false);
                        fetches.Add(shares[0]);
                        patches.Add(shares[1]);
                    }
                }
                else
                {
                    reloads++;
                    await WaitForPreviewAsync(page).ConfigureAwait(false);
                    await page.EvaluateAsync("() => { window.benchUnreloaded = true; }").ConfigureAwait(false);
                }
            }

            times.Sort();
            var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"preview latency in Chromium, save to the edit showing, {times.Count} edits of {Note}: median {median:F1} ms, best {times[0]:F1} ms, worst {times[^1]:F1} ms (debounce {options.Debounce.TotalMilliseconds:F0} ms; {edits + 1 - reloads} of {edits + 1} edits patched in place, {reloads} reloaded)"));
            List<double> rebuilds;
            List<double> editions;
            lock (builds)
            {
                // Past the first build and the warm-up edit's passes.
                var timed = builds.Skip(1).SkipWhile(b => b.Pass != PreviewPass.Pages).Skip(1).ToList();
                rebuilds = [.. timed.Where(b => b.Pass != PreviewPass.Editions).Select(b => b.Milliseconds).Order()];
                editions = [.. timed.Where(b => b.Pass == PreviewPass.Editions).Select(b => b.Milliseconds).Order()];
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  of which the rebuild's pages pass: median {rebuilds[rebuilds.Count / 2]:F1} ms, worst {rebuilds[^1]:F1} ms ({rebuilds.Count} passes)"));
            if (editions.Count > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  after it, unseen: the editions pass median {editions[editions.Count / 2]:F1} ms, worst {editions[^1]:F1} ms ({editions.Count} passes)"));
            }
            if (toAnnounced.Count > 0)
            {
                toAnnounced.Sort();
                afterAnnounced.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  split where the pages are announced: save to announced median {toAnnounced[toAnnounced.Count / 2]:F1} ms (the watcher, {options.Debounce.TotalMilliseconds:F0} ms of quiet, the pass), announced to the frame median {afterAnnounced[afterAnnounced.Count / 2]:F1} ms"));
            }

            if (fetches.Count > 0)
            {
                fetches.Sort();
                patches.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  and the page's share: fetching itself anew median {fetches[fetches.Count / 2]:F1} ms, then parsing, comparing and patching to the frame that shows it median {patches[patches.Count / 2]:F1} ms (worst {patches[^1]:F1})"));
            }

            Console.WriteLine("load average: " + (File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown"));
            Console.WriteLine("command: dotnet run -c Release --project tests/Marginalia.Benchmarks -- --preview-latency " + edits.ToString(CultureInfo.InvariantCulture));
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Waits (at most 30 s) until the last build announced is an editions pass or the first build: the server is idle.</summary>
    private static async Task IdleAsync(List<(PreviewPass Pass, double Milliseconds, double Announced)> builds)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            lock (builds)
            {
                if (builds.Count > 0 && builds[^1].Pass != PreviewPass.Pages)
                {
                    return;
                }
            }

            await Task.Delay(10).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until the reader has laid out its notes and the preview script holds the page to patch from.</summary>
    private static async Task WaitForPreviewAsync(IPage page)
    {
        await page.WaitForFunctionAsync(
            "() => document.documentElement.classList.contains('has-sidenotes') && performance.getEntriesByType('resource').some(e => e.name.includes('/__marginalia/page'))",
            null, new() { Timeout = 60_000 }).ConfigureAwait(false);
    }

    /// <summary>The page's stamp of the frame that showed the edit, read until it is there (across a reload, too).</summary>
    private static async Task<double> SeenAsync(IPage page)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                var seen = await page.EvaluateAsync<string?>("() => sessionStorage.getItem('bench-seen')").ConfigureAwait(false);
                if (seen is not null && seen != "pending")
                {
                    return double.Parse(seen, CultureInfo.InvariantCulture);
                }
            }
            catch (PlaywrightException)
            {
                // The page is reloading: its next document stamps the edit in turn.
            }

            await Task.Delay(5).ConfigureAwait(false);
        }

        throw new TimeoutException("the edit did not show within a minute");
    }

    private static async Task<bool> StillUnreloadedAsync(IPage page)
    {
        try
        {
            return await page.EvaluateAsync<bool>("() => window.benchUnreloaded === true").ConfigureAwait(false);
        }
        catch (PlaywrightException)
        {
            return false;
        }
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

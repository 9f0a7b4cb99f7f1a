using System.Globalization;
using Marginalia.Benchmarks.Corpus;
using Marginalia.Site;
using Microsoft.Playwright;

namespace Marginalia.Benchmarks.Reader;

/// <summary>
/// What opening a sidenote costs the page on a 2,000-note essay (the 1× scale corpus): the reader, built and opened
/// from disk in Chromium at 1440 × 900, opens N notes spread through the essay, one at a time, and closes each again.
/// Two figures per open, both from the page's own clock:
/// - script, style and layout: from just before the click is dispatched until a forced layout after the handler
///   (the work the next frame would otherwise do), so it includes the notes pushed aside;
/// - a real mouse click, from the page receiving it (a capturing listener, before any handler) to the end of the
///   layout of the next frame (its requestAnimationFrame, then a forced layout): the wait for the frame's slot is
///   part of it, as a reader feels it. How long the event took to reach the page from its timestamp (the driver's
///   delivery, not the page's work) is printed apart.
/// </summary>
internal static class OpenNoteTiming
{
    public static async Task<int> RunAsync(int opens)
    {
        var work = Path.Combine(Path.GetTempPath(), "marginalia-open-note-" + Guid.NewGuid().ToString("N"));
        try
        {
            ScaleCorpus.WriteSite("1x", work, RepoRoot.Locate());
            var output = Path.Combine(work, "output");
            var result = await SiteBuilder.BuildAsync(new BuildOptions(Path.Combine(work, "input"), Path.Combine(work, "theme"), output) { WorkingDirectory = work }).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                Console.Error.WriteLine("the 1× corpus did not build: " + string.Join(Environment.NewLine, result.Diagnostics));
                return 1;
            }

            using var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
            await using var browser = await BenchmarkChromium.LaunchAsync(playwright).ConfigureAwait(false);
            if (browser is null)
            {
                return 1;
            }

            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } }).ConfigureAwait(false);
            await page.GotoAsync(new Uri(Path.Combine(output, "index.html")).AbsoluteUri).ConfigureAwait(false);
            await page.WaitForFunctionAsync("() => document.documentElement.classList.contains('has-sidenotes')").ConfigureAwait(false);
            var notes = await page.Locator(".sidenotes > li.note").CountAsync().ConfigureAwait(false);

            var synchronous = new List<double>();
            var framed = new List<double>();
            var delivered = new List<double>();
            for (var i = 0; i <= opens; i++)
            {
                // Spread through the essay; the first open warms the JIT and is not counted.
                var index = (int)((long)(i + 1) * (notes - 1) / (opens + 2));
                var timing = await page.EvaluateAsync<double>(
                    """
                    index => {
                      const li = document.querySelectorAll('.sidenotes > li.note')[index];
                      li.scrollIntoView({ block: 'center', behavior: 'instant' });
                      document.body.offsetHeight;
                      const start = performance.now();
                      li.querySelector('button.note-fold').click();
                      document.body.offsetHeight;
                      return performance.now() - start;
                    }
                    """,
                    index).ConfigureAwait(false);
                await page.EvaluateAsync("index => document.querySelectorAll('.sidenotes > li.note')[index].querySelector('button.note-fold').click()", index).ConfigureAwait(false);

                // The same open by a real click, timed from the event to the frame after it.
                await page.EvaluateAsync(
                    """
                    index => {
                      const button = document.querySelectorAll('.sidenotes > li.note')[index].querySelector('button.note-fold');
                      let received = 0;
                      document.addEventListener('click', () => { received = performance.now(); }, { capture: true, once: true });
                      window.__frame = Promise.race([
                        new Promise(resolve => button.addEventListener('click', event => {
                          requestAnimationFrame(() => {
                            document.body.offsetHeight;
                            const end = performance.now();
                            resolve([received - event.timeStamp, end - received]);
                          });
                        }, { once: true })),
                        new Promise((_, reject) => setTimeout(() => reject(new Error('the click did not reach note ' + index)), 10000)),
                      ]);
                    }
                    """,
                    index).ConfigureAwait(false);
                var box = await page.EvaluateAsync<double[]>(
                    "index => { const r = document.querySelectorAll('.sidenotes > li.note')[index].getBoundingClientRect(); return [r.left + 8, r.top + 6]; }",
                    index).ConfigureAwait(false);
                await page.Mouse.ClickAsync((float)box[0], (float)box[1]).ConfigureAwait(false);
                var frame = await page.EvaluateAsync<double[]>("() => window.__frame").ConfigureAwait(false);
                await page.EvaluateAsync("index => document.querySelectorAll('.sidenotes > li.note')[index].querySelector('button.note-fold').click()", index).ConfigureAwait(false);
                if (i > 0)
                {
                    synchronous.Add(timing);
                    delivered.Add(frame[0]);
                    framed.Add(frame[1]);
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"opening a note on the 1x corpus ({notes} sidenotes, 1440x900), {opens} opens: script, style and layout median {Median(synchronous):F2} ms (worst {synchronous.Max():F2} ms); a real click, from the page receiving it to the next frame's layout, median {Median(framed):F1} ms (worst {framed.Max():F1} ms), after {Median(delivered):F1} ms (median) from the event's timestamp to the page receiving it"));
            Console.WriteLine("load average: " + (File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown"));
            return 0;
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Marginalia.Benchmarks.Corpus;
using Marginalia.Site;
using Microsoft.Playwright;

namespace Marginalia.Benchmarks.Search;

/// <summary>
/// The search's budgets (README, "Search"), on the committed input and on the 1× scale corpus (50,000 words, 2,000
/// notes): the index's size against the text it indexes, both gzip-compressed; and how long a query takes in Chromium
/// on the 1× corpus, for queries drawn from its own text with a fixed seed (single words, words being typed, pairs),
/// as the engine alone and as the whole answer a reader waits for (query, snippets and the results list drawn).
/// What building the index adds to a warm build is `--stages` (the Search module's row).
/// </summary>
internal static partial class SearchBudgets
{
    public static async Task<int> RunAsync(int queries)
    {
        var root = RepoRoot.Locate();
        var work = Path.Combine(Path.GetTempPath(), "marginalia-search-" + Guid.NewGuid().ToString("N"));
        try
        {
            var committed = Path.Combine(work, "committed");
            if (!await BuildAsync(Path.Combine(root, "input"), Path.Combine(root, "theme"), committed, root).ConfigureAwait(false))
            {
                return 1;
            }

            Sizes("input/", committed);
            var corpus = Path.Combine(work, "1x");
            ScaleCorpus.WriteSite("1x", corpus, root);
            var output = Path.Combine(corpus, "output");
            if (!await BuildAsync(Path.Combine(corpus, "input"), Path.Combine(corpus, "theme"), output, corpus).ConfigureAwait(false))
            {
                return 1;
            }

            Sizes("1x corpus", output);
            return await TimeQueriesAsync(output, Queries(File.ReadAllText(Path.Combine(corpus, "input", "essay.md")), queries)).ConfigureAwait(false);
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static async Task<bool> BuildAsync(string input, string theme, string output, string workingDirectory)
    {
        var result = await SiteBuilder.BuildAsync(new BuildOptions(input, theme, output) { WorkingDirectory = workingDirectory }).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            Console.Error.WriteLine($"{input} did not build: " + string.Join(Environment.NewLine, result.Diagnostics));
        }

        return result.Succeeded;
    }

    private static void Sizes(string name, string output)
    {
        var index = File.ReadAllBytes(Path.Combine(output, "search", "index.js"));
        var text = File.ReadAllBytes(Path.Combine(output, "search", "text.js"));
        var (indexGz, textGz) = (Gzip(index), Gzip(text));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: index {index.Length:N0} bytes, {indexGz:N0} gzipped; text {text.Length:N0} bytes, {textGz:N0} gzipped; index / text, gzipped: {100.0 * indexGz / textGz:F1} % (budget 35 %)"));
    }

    /// <summary>Gzip at its best level, as a server compressing once for every reader would.</summary>
    public static long Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return buffer.Length;
    }

    /// <summary>A reader's queries, from the corpus's own words: a third single words, a third being typed (a word's first 3–6 letters), a third pairs.</summary>
    private static List<string> Queries(string essay, int count)
    {
        var words = Word().Matches(essay).Select(m => m.Value).Where(w => w.Length >= 4).ToArray();
        var random = new Random(2026);
        var queries = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var word = words[random.Next(words.Length)];
            queries.Add((i % 3) switch
            {
                0 => word + " ",
                1 => word[..Math.Min(word.Length, 3 + random.Next(4))],
                _ => word + " " + words[random.Next(words.Length)],
            });
        }

        return queries;
    }

    private static async Task<int> TimeQueriesAsync(string output, List<string> queries)
    {
        using var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        await using var browser = await BenchmarkChromium.LaunchAsync(playwright).ConfigureAwait(false);
        if (browser is null)
        {
            return 1;
        }

        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } }).ConfigureAwait(false);
        await page.GotoAsync(new Uri(Path.Combine(output, "index.html")).AbsoluteUri).ConfigureAwait(false);
        var loadStart = await page.EvaluateAsync<double>("() => { document.getElementById('site-search-q').focus(); return performance.now(); }").ConfigureAwait(false);
        await page.WaitForFunctionAsync("() => window.Marginalia.search && window.Marginalia.search.query('x').results !== undefined && document.querySelector('script[src$=\"search/index.js\"]')").ConfigureAwait(false);
        await page.FillAsync("#site-search-q", "warm").ConfigureAwait(false);
        await page.WaitForFunctionAsync("() => document.querySelector('#site-search .search-results')?.getAttribute('data-query') === 'warm'").ConfigureAwait(false);
        var loaded = await page.EvaluateAsync<double>("start => performance.now() - start", loadStart).ConfigureAwait(false);

        var engine = new List<double>();
        var answered = new List<double>();
        var found = new List<int>();
        foreach (var query in queries)
        {
            var times = await page.EvaluateAsync<double[]>(
                """
                query => {
                  const start = performance.now();
                  const found = window.Marginalia.search.query(query);
                  const middle = performance.now();
                  const input = document.getElementById('site-search-q');
                  input.value = query;
                  input.dispatchEvent(new Event('input'));
                  return [middle - start, found.results.length];
                }
                """,
                query).ConfigureAwait(false);
            engine.Add(times[0]);
            found.Add((int)times[1]);

            // The whole answer, as the box gives it after the typing pause: query, snippets and the list drawn
            // (search.js marks it), with the layout the next frame would do.
            var whole = await page.EvaluateAsync<double>(
                """
                query => new Promise(resolve => {
                  const list = document.querySelector('#site-search .search-results');
                  const observer = new MutationObserver(() => {
                    if (list.getAttribute('data-query') === query + ' ') {
                      observer.disconnect();
                      const start = performance.getEntriesByName('search-start', 'mark').pop().startTime;
                      document.body.offsetHeight;
                      resolve(performance.now() - start);
                    }
                  });
                  observer.observe(list, { attributes: true });
                  const input = document.getElementById('site-search-q');
                  input.value = query + ' ';
                  input.dispatchEvent(new Event('input'));
                })
                """,
                query).ConfigureAwait(false);
            answered.Add(whole);
        }

        var entries = await page.EvaluateAsync<int>("() => window.Marginalia.search.size").ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"1x corpus, {entries:N0} entries, {queries.Count} queries from its text (seed 2026; median {Median(found.Select(f => (double)f)):F0} results): the engine median {Median(engine):F2} ms, worst {engine.Max():F2} ms (budget 10 ms); the answer drawn (query, snippets, list and its layout, after the typing pause) median {Median(answered):F1} ms, worst {answered.Max():F1} ms; first use (code, index and text loaded from disk, parsed, first answer) {loaded:F0} ms"));
        Console.WriteLine("load average: " + (File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown"));
        return 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}

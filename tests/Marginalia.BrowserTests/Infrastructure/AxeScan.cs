using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;

namespace Marginalia.BrowserTests.Infrastructure;

/// <summary>
/// axe-core with every default rule, reporting violations. Deque's <c>RunAxe</c> scans frame by frame
/// (<c>axe.runPartial</c>) and assembles the result in a second, blank page (<c>axe.finishRun</c>): on the reader page
/// that costs 3–5 s, where the scan itself takes 0.6 s. Our pages have no frames, so a page without child frames is
/// scanned in place with <c>axe.run</c>, the same rules and the same axe; one with frames still goes through
/// <c>RunAxe</c>. Only violations are collected: after its rules, axe builds a unique selector for every node of every
/// result type it is asked for, thousands of passing nodes here, and no test reads them.
/// </summary>
internal static class AxeScan
{
    private static readonly Lazy<string> Source = new(() => new BundledAxeScriptProvider().GetScript());

    public static async Task<AxeResult> RunAxeForViolationsAsync(this IPage page)
    {
        if (page.Frames.Count > 1)
        {
            return await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        }

        // Evaluated, not added as a script tag: the site's CSP forbids inline script, and evaluation is the test's own.
        await page.EvaluateAsync(Source.Value);
        var json = await page.EvaluateAsync<string>(
            "async () => JSON.stringify(await axe.run(document, { resultTypes: ['violations'] }))");
        return new AxeResult(JObject.Parse(json));
    }
}

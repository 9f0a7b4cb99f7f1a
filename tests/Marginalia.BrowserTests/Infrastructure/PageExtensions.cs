using System.Diagnostics;
using Microsoft.Playwright;

namespace Marginalia.BrowserTests.Infrastructure;

internal static class PageExtensions
{
    /// <summary>
    /// Opens a page and waits until nothing more loads, so a late stylesheet or icon failure is already recorded
    /// when the test looks, and until the page's scripts have started and done the layout they asked for: they
    /// start in timers after the page has loaded (marginalia.js), so a test that acts on <c>load</c> alone can find
    /// the notes half placed or a key not yet listened for.
    /// </summary>
    public static async Task<IResponse?> OpenAsync(this IPage page, Uri url)
    {
        using var requests = RequestsInFlight.On(page);
        var response = await page.GotoAsync(url.AbsoluteUri);
        await requests.WaitUntilSettledAsync();
        await page.WaitForStartsAsync();
        return response;
    }

    /// <summary>
    /// Waits until the scripts' starts have run and the layout they asked for has been done: a timer (the starts are
    /// timers set while the page loaded, and timers of equal delay run in order), then three frames (a start that
    /// moves the text wakes the notes' resize observer in one frame, which lays the margin out in the next). A page
    /// whose scripts did not run (JavaScript off) has nothing to wait for, and neither timers nor frames would fire.
    /// </summary>
    public static Task WaitForStartsAsync(this IPage page) =>
        page.EvaluateAsync(
            """
            () => !window.Marginalia ? true : new Promise(done => setTimeout(() =>
              requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))))
            """);

    /// <summary>
    /// Loads the reader's tools (essay-text.js, note-file.js, cite-fragment.js, cite.js), which the page loads on
    /// first use (a selection in the essay, a Cite button), for a test that calls them directly.
    /// </summary>
    public static Task LoadToolsAsync(this IPage page) =>
        page.EvaluateAsync("() => new Promise(done => Marginalia.tools(done))");

    /// <summary>
    /// Waits until the page's address satisfies <paramref name="arrived"/> and then until that document reaches
    /// <paramref name="until"/> (null: committed is enough). Playwright's own WaitForURLAsync reads the address and then starts listening
    /// for navigations; a navigation that commits in between is never heard, and the wait times out on a page that
    /// is already there (seen after a tap at 320 px, about one run in five with Chromium's headless shell). Reading
    /// the address until it matches has no such gap.
    /// </summary>
    public static async Task WaitForAddressAsync(this IPage page, Func<string, bool> arrived, LoadState? until = LoadState.Load, float timeout = 30_000)
    {
        var clock = Stopwatch.StartNew();
        while (!arrived(page.Url))
        {
            if (clock.Elapsed.TotalMilliseconds > timeout)
            {
                throw new TimeoutException($"the page did not arrive within {timeout / 1000:0} s; it is still at {page.Url}");
            }

            await Task.Delay(15);
        }

        if (until is { } loaded)
        {
            await page.WaitForLoadStateAsync(loaded, new() { Timeout = Math.Max(1, timeout - (float)clock.Elapsed.TotalMilliseconds) });
        }
    }

    /// <summary>Reloads a page and waits, as <see cref="OpenAsync"/> does, until nothing more loads.</summary>
    public static async Task<IResponse?> ReloadAndSettleAsync(this IPage page)
    {
        using var requests = RequestsInFlight.On(page);
        var response = await page.ReloadAsync();
        await requests.WaitUntilSettledAsync();
        return response;
    }

    /// <summary>Whether the focused element matches a CSS selector, asked of the page rather than of a locator so nothing waits.</summary>
    public static Task<bool> FocusedMatchesAsync(this IPage page, string selector) =>
        page.EvaluateAsync<bool>("selector => document.activeElement?.matches(selector) ?? false", selector);

    /// <summary>The focused element, described for a failure message.</summary>
    public static Task<string> DescribeFocusedAsync(this IPage page) =>
        page.EvaluateAsync<string>(
            """
            () => {
              const element = document.activeElement;
              if (!element) return '(nothing)';
              const classes = element.classList.length ? '.' + [...element.classList].join('.') : '';
              const id = element.id ? '#' + element.id : '';
              return `<${element.localName}${id}${classes}> "${(element.textContent ?? '').trim().slice(0, 40)}"`;
            }
            """);
}

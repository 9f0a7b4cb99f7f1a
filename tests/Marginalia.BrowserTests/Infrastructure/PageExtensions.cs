using Microsoft.Playwright;

namespace Marginalia.BrowserTests.Infrastructure;

internal static class PageExtensions
{
    /// <summary>
    /// Opens a page and waits until nothing more loads, so a late stylesheet or icon failure is already recorded
    /// when the test looks.
    /// </summary>
    public static async Task<IResponse?> OpenAsync(this IPage page, Uri url)
    {
        using var requests = RequestsInFlight.On(page);
        var response = await page.GotoAsync(url.AbsoluteUri);
        await requests.WaitUntilSettledAsync();
        return response;
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

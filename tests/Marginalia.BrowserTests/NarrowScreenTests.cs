using Marginalia.BrowserTests.Infrastructure;
using Xunit;

namespace Marginalia.BrowserTests;

[Collection(BuiltSite.EveryPage)]
public sealed class NarrowScreenTests(SiteFixture site)
{
    [SkippableTheory]
    [MemberData(nameof(SitePages.AllAtPhoneWidths), MemberType = typeof(SitePages))]
    public async Task Page_does_not_scroll_sideways_on_a_phone(string pagePath, int width)
    {
        // Given a phone-sized window
        await using var context = await site.NewContextAsync(width, 800);
        var page = await context.NewPageAsync();

        // When a page is open in it
        await page.OpenAsync(site.Server.UrlOf(pagePath));

        // Then the document is no wider than the window, so reading never needs a sideways scroll
        var widths = await page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scrollWidth, clientWidth) = (widths[0], widths[1]);
        if (scrollWidth > clientWidth)
        {
            Assert.Fail($"{pagePath} at {width}px scrolls sideways: scrollWidth {scrollWidth} > clientWidth {clientWidth}; widest offenders:{Environment.NewLine}{await WidestOverflowingAsync(page, clientWidth)}");
        }
    }

    /// <summary>The elements that stick out past the right edge, furthest first, so a failure names its cause.</summary>
    private static Task<string> WidestOverflowingAsync(Microsoft.Playwright.IPage page, int clientWidth) =>
        page.EvaluateAsync<string>(
            """
            limit => [...document.body.querySelectorAll('*')]
              .map(element => ({ element, right: element.getBoundingClientRect().right }))
              .filter(entry => entry.right > limit + 0.5)
              .sort((a, b) => b.right - a.right)
              .slice(0, 5)
              .map(({ element, right }) => {
                const id = element.id ? '#' + element.id : '';
                const classes = element.classList.length ? '.' + [...element.classList].join('.') : '';
                return `  <${element.localName}${id}${classes}> right edge at ${Math.round(right)}px: "${(element.textContent ?? '').trim().slice(0, 50)}"`;
              })
              .join('\n')
            """,
            clientWidth);
}

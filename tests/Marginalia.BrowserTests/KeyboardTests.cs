using System.Text.RegularExpressions;
using Marginalia.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

[Collection(BuiltSite.Collection)]
public sealed class KeyboardTests(SiteFixture site)
{
    // Far more stops than the reader has before its first paragraph, so a permalink missing from the tab
    // order ends the search with a clear failure instead of cycling through the page for ever.
    private const int MaxTabStops = 100;

    [SkippableTheory]
    [MemberData(nameof(SitePages.All), MemberType = typeof(SitePages))]
    public async Task First_Tab_reaches_the_skip_link(string pagePath)
    {
        // Given a freshly opened page
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(pagePath));

        // When the reader presses Tab once
        await page.Keyboard.PressAsync("Tab");

        // Then focus is on the skip link, and it can be seen
        Assert.True(await page.FocusedMatchesAsync("a.skip-link"), $"{pagePath}: the first Tab focused {await page.DescribeFocusedAsync()}, not a.skip-link");
        Assert.True(await page.Locator("a.skip-link").IsVisibleAsync(), $"{pagePath}: the focused skip link is not visible");
    }

    [SkippableFact]
    public async Task Skip_link_Enter_moves_focus_and_scroll_to_the_essay()
    {
        // Given the reader with the skip link focused by the keyboard
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.FileUrlOf(SitePages.Reader));
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.FocusedMatchesAsync("a.skip-link"), $"the first Tab focused {await page.DescribeFocusedAsync()}");

        // When the reader presses Enter
        await page.Keyboard.PressAsync("Enter");

        // Then the essay is the target, it is focused (it has tabindex=-1 for this), and its top is at the top of
        // the window, give or take the scroll padding or margin a theme may keep clear for a sticky header
        await page.WaitForFunctionAsync("() => location.hash === '#essay'");
        Assert.True(await page.FocusedMatchesAsync("#essay"), $"after Enter, focus is on {await page.DescribeFocusedAsync()}, not #essay");
        var offset = await page.EvaluateAsync<double>(
            """
            () => {
              const essay = document.getElementById('essay');
              const clearance = (parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0)
                              + (parseFloat(getComputedStyle(essay).scrollMarginTop) || 0);
              return essay.getBoundingClientRect().top - clearance;
            }
            """);
        Assert.InRange(offset, -1, 1);
        Assert.True(await page.EvaluateAsync<double>("() => window.scrollY") > 0, "the window did not scroll");

        // And the next Tab continues inside the essay, not back in the site header
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.FocusedMatchesAsync("#essay *"), $"the Tab after the skip link focused {await page.DescribeFocusedAsync()}, outside the essay");
    }

    [SkippableFact]
    public async Task Paragraph_permalink_shows_on_keyboard_focus_and_names_its_paragraph()
    {
        // Given the reader, read by keyboard from the top
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.FileUrlOf(SitePages.Reader));

        // When the reader tabs to the first paragraph's permalink
        var stops = 0;
        while (!await page.FocusedMatchesAsync("a.permalink"))
        {
            Assert.True(++stops <= MaxTabStops, $"no a.permalink within {MaxTabStops} Tab presses; last focus {await page.DescribeFocusedAsync()}");
            await page.Keyboard.PressAsync("Tab");
        }

        // Then it is shown: laid out, not hidden, not faded out, inside the window
        var permalink = page.Locator("a.permalink:focus");
        try
        {
            await page.WaitForFunctionAsync($"() => ({IsShownScript})(document.activeElement)", null, new() { Timeout = 2_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"the focused permalink is not shown: {await permalink.EvaluateAsync<string>($"element => JSON.stringify(({ShownStateScript})(element))")}");
        }

        // And it links to its own paragraph, with a name that says so and quotes that paragraph's opening words
        var paragraph = await permalink.EvaluateAsync<string[]>(
            """
            link => {
              const paragraph = link.closest('[id]');
              const text = [...paragraph.childNodes].filter(node => node !== link).map(node => node.textContent).join('');
              return [paragraph.id, text.trim()];
            }
            """);
        var (paragraphId, paragraphText) = (paragraph[0], paragraph[1]);
        Assert.Equal("#" + paragraphId, await permalink.GetAttributeAsync("href"));
        var openingWords = string.Join(' ', paragraphText.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2));
        await Assertions.Expect(permalink).ToHaveAccessibleNameAsync(
            new Regex("^Link to paragraph: " + Regex.Escape(openingWords), RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    /// <summary>Measures what makes an element seen: its box, its visibility, and the opacity it and its ancestors multiply to.</summary>
    private const string ShownStateScript =
        """
        element => {
          const box = element.getBoundingClientRect();
          let opacity = 1;
          for (let node = element; node; node = node.parentElement) opacity *= parseFloat(getComputedStyle(node).opacity);
          return {
            width: box.width, height: box.height, opacity, visibility: getComputedStyle(element).visibility,
            inWindow: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
          };
        }
        """;

    // A visually-hidden element is 1px square and an invisible one has opacity 0; the ¶ sign is several pixels
    // either way, and half opacity is still plainly readable.
    private const string IsShownScript =
        $$"""
        element => {
          const state = ({{ShownStateScript}})(element);
          return state.width >= 4 && state.height >= 4 && state.opacity >= 0.5 && state.visibility === 'visible' && state.inWindow;
        }
        """;
}

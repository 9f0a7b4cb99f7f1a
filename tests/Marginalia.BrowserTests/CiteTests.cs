using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Marginalia.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// "Cite" on the reader (theme/assets/cite.js): a paragraph's Cite button opens the dialog by keyboard, the dialog shows
/// the passage's link in each citation, copies with a visible confirmation, passes axe, and closes on Escape back to
/// the button; a selection's text-fragment link, opened afresh in Chromium, scrolls to the words it names, the second
/// of two occurrences when the selection was the second.
/// </summary>
[Collection(BuiltSite.Collection)]
public sealed class CiteTests(SiteFixture site)
{
    private const string FirstParagraph = "p-the-early-promise-of";

    [SkippableFact]
    public async Task The_Cite_button_opens_the_dialog_by_keyboard_copies_with_a_confirmation_and_Escape_returns_focus()
    {
        // Given the reader, with the clipboard allowed as a reader's browser allows it on a click
        await using var context = await site.NewContextAsync(1280, 900);
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = site.Server.UrlOf(SitePages.Reader).GetLeftPart(UriPartial.Authority) });
        var page = await context.NewPageAsync();
        var problems = PageProblems.RecordOn(page);
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var button = page.Locator($"#{FirstParagraph} > .cite-button");

        // When the first paragraph's Cite button is focused and Enter is pressed
        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        // Then the dialog is open and modal, and its APA citation names the paragraph's link with a text fragment
        var dialog = page.Locator("dialog.cite-panel");
        Assert.True(await dialog.EvaluateAsync<bool>("d => d.open && d.matches(':modal')"));
        var apa = await page.Locator("#cite-apa").InnerTextAsync();
        Assert.StartsWith("Roy, P. (n.d.). AI and the unfinished agenda of globalisation [Title supplied by the editors]. Marginalia. https://marginalia.netlify.app/#p-the-early-promise-of:~:text=The%20early%20promise%20of%20globalisation,", apa, StringComparison.Ordinal);
        var mla = await page.Locator("#cite-mla").InnerTextAsync();
        Assert.Matches(@"Accessed \d{1,2} (Jan\.|Feb\.|Mar\.|Apr\.|May|June|July|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.) \d{4}\.", mla);
        Assert.Equal("Marginalia", await page.Locator("#cite-mla i").InnerTextAsync());

        // When its Copy button is pressed by keyboard
        await page.Locator("#cite-apa-title + .cite-text + .cite-actions button").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        // Then the status says so, and the clipboard holds the APA citation
        await Assertions.Expect(page.Locator(".cite-status[role=status]")).ToHaveTextAsync("Copied APA (7th edition).");
        Assert.Equal(apa, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        // And axe finds nothing wrong with the open dialog
        AxeResult result = await page.RunAxeForViolationsAsync();
        Assert.True(result.Violations.Length == 0, AxeReport.Describe(result.Violations));

        // When Escape is pressed, the dialog closes and focus is back on the Cite button
        await page.Keyboard.PressAsync("Escape");
        Assert.False(await dialog.EvaluateAsync<bool>("d => d.open"));
        Assert.True(await page.FocusedMatchesAsync($"#{FirstParagraph} > .cite-button"));
        Assert.Empty(problems.All);
    }

    [SkippableFact]
    public async Task A_selection_of_a_repeated_phrase_links_to_its_own_occurrence_and_the_link_scrolls_there()
    {
        // Given the reader, and the second "trade agreements" of the essay selected
        await using var context = await site.NewContextAsync(1280, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await page.LoadToolsAsync(); // the test calls Marginalia.cite itself, as the selection toolbar does
        var paragraph = await page.EvaluateAsync<string>(
            """
            () => {
              const hits = [...document.querySelectorAll('.essay-body p[id]')].filter(p => p.textContent.includes('trade agreements'));
              const p = hits[1];
              const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
              for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                const at = n.data.indexOf('trade agreements');
                if (at >= 0) {
                  const range = document.createRange();
                  range.setStart(n, at);
                  range.setEnd(n, at + 'trade agreements'.length);
                  Marginalia.cite.forRange(range);
                  return p.id;
                }
              }
              return '';
            }
            """);

        // When the dialog shows its link
        var link = await page.Locator(".cite-link").GetAttributeAsync("href");

        // Then the link names that paragraph, the words, and a prefix or suffix that tells them from the first occurrence
        Assert.NotNull(link);
        Assert.StartsWith($"https://marginalia.netlify.app/#{paragraph}:~:text=", link, StringComparison.Ordinal);
        Assert.Matches(@":~:text=([^,&]+-,)?trade%20agreements(,-[^,&]+)?$", link);
        Assert.True(link.Contains("-,", StringComparison.Ordinal) || link.Contains(",-", StringComparison.Ordinal), link);

        // When that link's fragment is opened afresh on this server, without the paragraph's id (the words alone must lead)
        var fragment = link[link.IndexOf(":~:", StringComparison.Ordinal)..];
        var fresh = await context.NewPageAsync();
        await fresh.GotoAsync(site.Server.UrlOf(SitePages.Reader) + "#" + fragment);

        // Then Chromium scrolls the second occurrence's paragraph into view, and the first occurrence's is not in view
        await Assertions.Expect(fresh.Locator($"#{paragraph}")).ToBeInViewportAsync(new() { Ratio = 0.1f });
        var first = await fresh.EvaluateAsync<string>("() => [...document.querySelectorAll('.essay-body p[id]')].filter(p => p.textContent.includes('trade agreements'))[0].id");
        await Assertions.Expect(fresh.Locator($"#{first}")).Not.ToBeInViewportAsync();
    }

    [SkippableFact]
    public async Task Without_script_there_is_no_Cite_button_and_in_print_none_shows()
    {
        // Given the reader without JavaScript
        await using var context = await site.NewContextAsync(1280, 900, o => o.JavaScriptEnabled = false);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));

        // Then no paragraph has a Cite button
        Assert.Equal(0, await page.Locator(".cite-button").CountAsync());

        // And with script, in print, the buttons are not shown
        await using var scripted = await site.NewContextAsync(1280, 900);
        var printed = await scripted.NewPageAsync();
        await printed.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        Assert.True(await printed.Locator(".cite-button").CountAsync() > 10);
        await printed.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.Equal("none", await printed.Locator(".cite-button").First.EvaluateAsync<string>("b => getComputedStyle(b).display"));
    }
}

using Marginalia.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// On a phone the endnotes are most of the reader's page. Those far from the window are skipped
/// (<c>content-visibility: auto</c> in site.css) and drawn as they come near, without cutting off anything they draw,
/// and paper gets every one.
/// </summary>
[Collection(BuiltSite.Collection)]
public sealed class EndnotesTests(SiteFixture site)
{
    private const string Endnote = ".note-list > .note";

    [SkippableFact]
    public async Task On_a_phone_the_last_endnote_is_skipped_until_the_reader_scrolls_to_it()
    {
        // Given the reader at 390 px, with what Chromium skips and draws of each endnote recorded
        await using var context = await site.NewContextAsync(390, 844);
        var page = await context.NewPageAsync();
        await page.AddInitScriptAsync(
            """
            window.endnoteSkipped = {};
            document.addEventListener('contentvisibilityautostatechange', event => {
              if (event.target.matches('.note-list > .note')) window.endnoteSkipped[event.target.id] = event.skipped;
            }, true);
            """);
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var last = await page.EvaluateAsync<string>($"() => document.querySelector('{Endnote}:last-child').id");

        // Then, with the essay's start in the window, the last note's contents are skipped and it stands at its
        // estimated height, 26em of its own font size
        await page.WaitForFunctionAsync("id => window.endnoteSkipped[id] === true", last);
        var skipped = await HeightAndEstimateAsync(page, last);
        Assert.Equal(skipped[1], skipped[0], 0.5);

        // When the reader scrolls to it
        await page.EvaluateAsync("id => document.getElementById(id).scrollIntoView()", last);

        // Then it is drawn at its full height, the height it has where nothing is ever skipped
        await page.WaitForFunctionAsync("id => window.endnoteSkipped[id] === false", last);
        var drawn = await HeightAndEstimateAsync(page, last);
        await page.AddStyleTagAsync(new() { Content = $"#{last} {{ content-visibility: visible; }}" });
        var unskipped = await HeightAndEstimateAsync(page, last);
        Assert.Equal(unskipped[0], drawn[0], 0.5);
    }

    /// <summary>A note's height and the 26em its stylesheet estimates for it, in pixels.</summary>
    private static Task<double[]> HeightAndEstimateAsync(IPage page, string id) =>
        page.EvaluateAsync<double[]>(
            "id => { const li = document.getElementById(id); return [li.getBoundingClientRect().height, 26 * parseFloat(getComputedStyle(li).fontSize)]; }",
            id);

    [SkippableFact]
    public async Task A_focused_link_on_an_endnote_s_edge_shows_its_whole_focus_ring()
    {
        // Given the reader at 390 px and a link in an endnote that wraps onto a line starting at the note's left edge
        await using var context = await site.NewContextAsync(390, 844);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var note = await page.EvaluateAsync<string?>(
            $$"""
            () => {
              for (const li of document.querySelectorAll('{{Endnote}}')) {
                li.scrollIntoView();
                const left = li.getBoundingClientRect().left;
                const link = [...li.querySelectorAll('a')].find(a => a.getClientRects().length > 1 && Math.abs(a.getClientRects()[1].left - left) < 1);
                if (link) {
                  link.id = 'edge-link';
                  link.scrollIntoView({ block: 'center' });
                  return li.id;
                }
              }
              return null;
            }
            """);
        Assert.True(note is not null, "no endnote has a link that wraps onto a line at its left edge");

        // When the link has keyboard focus
        await page.Keyboard.PressAsync("Shift");
        await page.EvaluateAsync("() => document.getElementById('edge-link').focus()");
        Assert.True(await page.FocusedMatchesAsync("#edge-link:focus-visible"), await page.DescribeFocusedAsync());
        var clip = await page.EvaluateAsync<float[]>(
            "() => { const line = document.getElementById('edge-link').getClientRects()[1]; return [0, line.top - 16, 200, line.height + 32]; }");
        var region = new Clip { X = clip[0], Y = clip[1], Width = clip[2], Height = clip[3] };
        var drawn = await page.ScreenshotAsync(new() { Clip = region });

        // Then it is drawn exactly as it is when the note does not clip what it paints: no part of the ring is cut at its edge
        await page.AddStyleTagAsync(new() { Content = $"#{note} {{ content-visibility: visible; contain: layout style; }}" });
        var uncontained = await page.ScreenshotAsync(new() { Clip = region });
        Assert.True(drawn.AsSpan().SequenceEqual(uncontained), $"the focus ring of a link on #{note}'s left edge is cut off where the note clips its contents");
    }

    [SkippableFact]
    public async Task Printed_every_endnote_is_drawn_whether_or_not_it_was_near_the_window()
    {
        // Given the reader at 390 px, scrolled to its top
        await using var context = await site.NewContextAsync(390, 844);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));

        // When it is printed
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        // Then no endnote is left to be skipped
        var kinds = await page.EvaluateAsync<string[]>($"() => [...new Set([...document.querySelectorAll('{Endnote}')].map(li => getComputedStyle(li).contentVisibility))]");
        Assert.Equal(["visible"], kinds);
    }
}

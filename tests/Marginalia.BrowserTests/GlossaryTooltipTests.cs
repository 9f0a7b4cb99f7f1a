using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Marginalia.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// A glossary term's definition in the reader, for a mouse and a keyboard: the WAI-ARIA tooltip pattern (the
/// term's aria-describedby names a role="tooltip" that shows on hover after a short delay and at once on focus),
/// and WCAG 1.4.13's promises for content on hover or focus: dismissible with Escape, hoverable, persistent.
/// Without JavaScript the term is a link to its glossary entry.
/// </summary>
[Collection(BuiltSite.Glossary)]
public sealed partial class GlossaryTooltipTests(SiteFixture site)
{
    // terms.js waits 300 ms before a hover shows a tooltip; a timer may fire a little early by the page's clock.
    private const double HoverDelayAtLeast = 280;

    // terms.js hides a tooltip 200 ms after pointer and focus have left it; waiting longer proves it stayed.
    private const int LongerThanTheGrace = 600;

    public static TheoryData<int, string> WidthsInBothColourSchemes => new()
    {
        { 1400, "light" },
        { 1400, "dark" },
        { 390, "light" },
        { 390, "dark" },
    };

    [SkippableTheory]
    [InlineData("file")]
    [InlineData("http")]
    public async Task Hovering_a_term_shows_its_definition_after_a_short_delay(string origin)
    {
        // Given the reader on a wide window, from disk or from the server, with the moments the pointer reached
        // the first term and its tooltip appeared recorded by the page's own clock
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        var problems = PageProblems.RecordOn(page);
        await page.OpenAsync(origin == "file" ? site.FileUrlOf(SitePages.Reader) : site.Server.UrlOf(SitePages.Reader));
        var term = page.Locator("a.term").First;
        var tip = await GlossaryTips.TipOfAsync(page, term);
        var id = (await term.GetAttributeAsync("href"))!.Split('#')[1];
        await Assertions.Expect(tip).ToBeHiddenAsync();
        await term.EvaluateAsync(
            """
            term => {
              const tip = document.getElementById(term.getAttribute('aria-describedby'));
              window.tipTiming = {};
              term.addEventListener('pointerenter', () => { window.tipTiming.entered ??= performance.now(); });
              new MutationObserver(() => {
                if (!tip.hidden) window.tipTiming.shown ??= performance.now();
              }).observe(tip, { attributes: true, attributeFilter: ['hidden'] });
            }
            """);

        // When the mouse comes to rest on the term
        await term.HoverAsync();

        // Then its tooltip appears, not at once but after the hover delay
        await Assertions.Expect(tip).ToBeVisibleAsync();
        var elapsed = await page.EvaluateAsync<double>("() => window.tipTiming.shown - window.tipTiming.entered");
        Assert.True(elapsed >= HoverDelayAtLeast, $"the tooltip showed {elapsed:0} ms after the pointer arrived; a pointer crossing the text would set tooltips flickering");

        // And it is the tooltip the term's aria-describedby names, holding the entry's short definition from the
        // glossary page, beside the term, inside the main landmark and outside the link
        await Assertions.Expect(tip).ToHaveAttributeAsync("role", "tooltip");
        var definition = await ShortDefinitionAsync(context, origin, id!);
        Assert.Equal(definition, (await tip.TextContentAsync())?.Trim());
        GlossaryTips.AssertBesideItsTerm(await GlossaryTips.MeasureAsync(term, $"#tip-{id}"), $"the tooltip of {id}");

        // And nothing went wrong on the way
        Assert.True(problems.All.Count == 0, string.Join(Environment.NewLine, problems.All));
    }

    [SkippableFact]
    public async Task Keyboard_focus_shows_the_definition_at_once_and_Escape_hides_it_leaving_focus_on_the_term()
    {
        // Given the reader, its first term not yet focused
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var term = page.Locator("a.term").First;
        var tip = await GlossaryTips.TipOfAsync(page, term);

        // When the reader tabs onto the term
        await GlossaryTips.TabOntoAsync(page, term);

        // Then its tooltip is shown at once: read straight after the key, without waiting
        Assert.True(await tip.IsVisibleAsync(), "the tooltip did not show on keyboard focus at once");
        GlossaryTips.AssertBesideItsTerm(await GlossaryTips.MeasureAsync(term, $"#{await tip.GetAttributeAsync("id")}"), "the tooltip");

        // When the reader presses Escape
        await page.Keyboard.PressAsync("Escape");

        // Then the tooltip is gone, focus has not moved, and it does not come back while focus stays
        Assert.False(await tip.IsVisibleAsync(), "Escape did not hide the tooltip");
        Assert.True(await term.EvaluateAsync<bool>("term => document.activeElement === term"), $"after Escape, focus is on {await page.DescribeFocusedAsync()}");
        await page.WaitForTimeoutAsync(LongerThanTheGrace);
        Assert.False(await tip.IsVisibleAsync(), "the dismissed tooltip came back while focus stayed on its term");

        // When focus leaves the term and comes back
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Shift+Tab");

        // Then the tooltip shows again
        Assert.True(await tip.IsVisibleAsync(), "the tooltip did not show when focus came back to the term");
    }

    [SkippableFact]
    public async Task Focus_leaving_a_term_hides_its_tooltip()
    {
        // Given a term with keyboard focus and its tooltip shown
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var term = page.Locator("a.term").First;
        var tip = await GlossaryTips.TipOfAsync(page, term);
        await GlossaryTips.TabOntoAsync(page, term);
        await Assertions.Expect(tip).ToBeVisibleAsync();

        // When the reader tabs on
        await page.Keyboard.PressAsync("Tab");

        // Then the tooltip goes with the focus, and no other tooltip is left on screen unless the next stop is a term
        await Assertions.Expect(tip).ToBeHiddenAsync();
        var focusedIsTerm = await page.FocusedMatchesAsync("a.term");
        await Assertions.Expect(page.Locator(".term-tips > .term-tip:visible")).ToHaveCountAsync(focusedIsTerm ? 1 : 0);
    }

    [SkippableFact]
    public async Task Pointer_can_move_onto_the_tooltip_and_it_stays_until_the_pointer_leaves_both()
    {
        // Given a term's tooltip shown by hovering
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var term = page.Locator("a.term").First;
        var tip = await GlossaryTips.TipOfAsync(page, term);
        await term.HoverAsync();
        await Assertions.Expect(tip).ToBeVisibleAsync();

        // When the mouse travels from the term, across the gap, onto the middle of the tooltip, and rests there
        var from = await term.BoundingBoxAsync();
        var to = await tip.BoundingBoxAsync();
        await page.Mouse.MoveAsync(to!.X + (to.Width / 2), to.Y + (to.Height / 2), new() { Steps = 12 });
        await page.WaitForTimeoutAsync(LongerThanTheGrace);

        // Then the tooltip is still shown: it can be read and its text selected
        Assert.True(await tip.IsVisibleAsync(), $"the tooltip closed as the pointer moved from the term ({from}) onto it ({to})");

        // When the mouse leaves the tooltip for the empty page beside the text
        await page.Mouse.MoveAsync(5, to.Y + (to.Height / 2), new() { Steps = 4 });

        // Then the tooltip closes
        await Assertions.Expect(tip).ToBeHiddenAsync();
    }

    [SkippableFact]
    public async Task Escape_dismisses_a_hovered_tooltip_without_moving_the_pointer()
    {
        // Given a term's tooltip shown by hovering, focus elsewhere
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var term = page.Locator("a.term").First;
        var tip = await GlossaryTips.TipOfAsync(page, term);
        await term.HoverAsync();
        await Assertions.Expect(tip).ToBeVisibleAsync();

        // When the reader presses Escape, the pointer still on the term
        await page.Keyboard.PressAsync("Escape");

        // Then the tooltip is gone and stays gone while the pointer rests there
        await Assertions.Expect(tip).ToBeHiddenAsync();
        await page.WaitForTimeoutAsync(LongerThanTheGrace);
        Assert.False(await tip.IsVisibleAsync(), "the dismissed tooltip came back under a resting pointer");

        // When the pointer leaves the term and comes back
        await page.Mouse.MoveAsync(5, 5);
        await term.HoverAsync();

        // Then it shows again
        await Assertions.Expect(tip).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task One_tooltip_at_a_time_and_the_next_comes_without_the_delay()
    {
        // Given the first term's tooltip shown by hovering
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var first = page.Locator("a.term").Nth(0);
        var second = page.Locator("a.term").Nth(1);
        var firstTip = await GlossaryTips.TipOfAsync(page, first);
        var secondTip = await GlossaryTips.TipOfAsync(page, second);
        await first.HoverAsync();
        await Assertions.Expect(firstTip).ToBeVisibleAsync();

        // When the mouse moves on to the second term
        await second.HoverAsync();

        // Then the second term's tooltip is shown at once, and it alone
        Assert.True(await secondTip.IsVisibleAsync(), "moving from one term to the next did not show the next tooltip at once");
        Assert.False(await firstTip.IsVisibleAsync(), "the first tooltip stayed beside the second");
        await Assertions.Expect(page.Locator(".term-tips > .term-tip:visible")).ToHaveCountAsync(1);
    }

    [SkippableFact]
    public async Task Enter_on_a_focused_term_follows_it_to_its_glossary_entry()
    {
        // Given a term with keyboard focus, its tooltip shown
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.FileUrlOf(SitePages.Reader));
        var term = page.Locator("a.term").First;
        var id = (await term.GetAttributeAsync("href"))!.Split('#')[1];
        await GlossaryTips.TabOntoAsync(page, term);

        // When the reader presses Enter
        await page.Keyboard.PressAsync("Enter");

        // Then the glossary page is open at the term's entry
        await page.WaitForAddressAsync(url => url.EndsWith($"glossary/index.html#{id}", StringComparison.Ordinal));
        var entry = page.Locator($"[id='{id}']");
        await Assertions.Expect(entry).ToHaveClassAsync(new Regex(@"\bglossary-entry\b"));
        Assert.True(await entry.EvaluateAsync<bool>("entry => entry.matches(':target')"), "the entry is not the page's target");
        await Assertions.Expect(entry).ToBeInViewportAsync();
    }

    [SkippableFact]
    public async Task Without_JavaScript_a_term_is_a_link_to_its_glossary_entry()
    {
        // Given the reader with JavaScript off, opened from disk
        await using var context = await site.NewContextAsync(1400, 900, options => options.JavaScriptEnabled = false);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.FileUrlOf(SitePages.Reader));
        var term = page.Locator("a.term").First;
        var id = (await term.GetAttributeAsync("href"))!.Split('#')[1];

        // Then no definition is laid over the text
        await Assertions.Expect(page.Locator(".term-tips")).ToBeHiddenAsync();

        // When the reader clicks the term
        await term.ClickAsync();

        // Then the glossary page is open at the term's entry, which exists and is the target
        await page.WaitForAddressAsync(url => url.EndsWith($"glossary/index.html#{id}", StringComparison.Ordinal));
        Assert.Equal($"#{id}", new Uri(page.Url).Fragment);
        var entry = page.Locator($"div.glossary-entry[id='{id}']");
        await Assertions.Expect(entry).ToHaveCountAsync(1);
        Assert.True(await entry.EvaluateAsync<bool>("entry => entry.matches(':target')"), "the entry is not the page's target");
        await Assertions.Expect(entry).ToBeInViewportAsync();
    }

    [SkippableTheory]
    [InlineData(320)]
    [InlineData(390)]
    [InlineData(1400)]
    public async Task Every_terms_tooltip_stands_beside_it_inside_the_window(int width)
    {
        // Given the reader at a width, and a key pressed, so that focus moved by script counts as the keyboard's
        // (and shows a tooltip, as focus from Tab does)
        await using var context = await site.NewContextAsync(width, 800);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await page.Keyboard.PressAsync("Tab");
        var terms = page.Locator("a.term");
        var count = await terms.CountAsync();
        Assert.True(count > 0, "the reader marks no terms");

        for (var i = 0; i < count; i++)
        {
            // When each term in turn has focus (the window scrolled to it, as focus scrolls)
            var (box, tipId, shown) = await GlossaryTips.FocusAndMeasureAsync(page, i);

            // Then its tooltip, and only its, is shown beside it and inside the window, below the term or, where
            // there is no room below, above it
            var what = $"the tooltip of term {i + 1} ({tipId}) at {width}px";
            GlossaryTips.AssertBesideItsTerm(box, what);
            Assert.True(box.Self.Top >= -1 && box.Self.Bottom <= box.ViewHeight + 1, $"{what} ({box.Self.Top:0}–{box.Self.Bottom:0}px) is not inside the {box.ViewHeight:0}px window");
            Assert.Equal(1, shown);
        }
    }

    [SkippableFact]
    public async Task A_shown_tooltip_follows_its_term_when_the_window_is_resized()
    {
        // Given a term's tooltip shown by keyboard focus
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var term = page.Locator("a.term").First;
        var tip = await GlossaryTips.TipOfAsync(page, term);
        await GlossaryTips.TabOntoAsync(page, term);
        await Assertions.Expect(tip).ToBeVisibleAsync();

        // When the window narrows to a phone's, so the text reflows under it
        await page.SetViewportSizeAsync(390, 900);
        await GlossaryTips.SettleAsync(page);

        // Then the tooltip is beside the term where the term is now
        GlossaryTips.AssertBesideItsTerm(await GlossaryTips.MeasureAsync(term, $"#{await tip.GetAttributeAsync("id")}"), "the tooltip after resizing");
    }

    [SkippableTheory]
    [MemberData(nameof(WidthsInBothColourSchemes))]
    public async Task Axe_finds_no_violations_with_a_tooltip_open(int width, string colourScheme)
    {
        // Given the reader at a width, in a colour scheme, with a term's tooltip shown by keyboard focus (a
        // term in a noted passage, where most markup meets)
        await using var context = await site.NewContextAsync(width, 900);
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = colourScheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var term = page.Locator("a.term:has(mark.note-mark)").First;
        var tip = await GlossaryTips.TipOfAsync(page, term);
        await GlossaryTips.TabOntoAsync(page, term);
        await Assertions.Expect(tip).ToBeVisibleAsync();

        // When axe-core scans the page
        AxeResult result = await page.RunAxeForViolationsAsync();

        // Then no rule is violated (the tooltip's colours included, since it is on screen)
        Assert.True(
            result.Violations.Length == 0,
            $"reader at {width}px ({colourScheme}) with a tooltip open: axe-core found {result.Violations.Length} violation(s):{Environment.NewLine}{AxeReport.Describe(result.Violations)}");
    }

    [SkippableFact]
    public async Task Every_terms_aria_describedby_names_a_tooltip_in_the_page()
    {
        // Given the reader as the server sends it, before any script could add or move anything
        await using var context = await site.NewContextAsync(1400, 900, options => options.JavaScriptEnabled = false);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));

        // When each term's description is looked up
        var broken = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('a.term')].flatMap(term => {
              const ids = (term.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
              if (ids.length === 0) return [`${term.textContent}: no aria-describedby`];
              return ids.flatMap(id => {
                const tip = document.getElementById(id);
                if (!tip) return [`${term.textContent}: #${id} does not exist`];
                if (tip.getAttribute('role') !== 'tooltip') return [`${term.textContent}: #${id} is not a tooltip`];
                if (term.contains(tip)) return [`${term.textContent}: #${id} is inside the link`];
                const entry = term.getAttribute('href').split('#')[1];
                if (id !== `tip-${entry}`) return [`${term.textContent}: #${id} is not the tooltip of ${entry}`];
                if (!tip.textContent.trim()) return [`${term.textContent}: #${id} is empty`];
                return [];
              });
            })
            """);

        // Then every one names a non-empty tooltip of the same term, outside the link
        Assert.True(await page.Locator("a.term").CountAsync() > 0, "the reader marks no terms");
        Assert.True(broken.Length == 0, string.Join(Environment.NewLine, broken));
    }

    [SkippableFact]
    public async Task Tooltips_work_under_the_sites_content_security_policy()
    {
        // Given the reader served with the Content-Security-Policy netlify.toml gives the live site (no inline
        // script or style, not even a style attribute), and a listener for anything the policy blocks
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        var problems = PageProblems.RecordOn(page);
        await SiteCsp.ApplyAsync(page, site.RepositoryRoot);
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));

        // When a term's tooltip is shown, which places it through the CSSOM (allowed) rather than a style attribute
        var term = page.Locator("a.term").First;
        await term.HoverAsync();
        var tip = await GlossaryTips.TipOfAsync(page, term);
        await Assertions.Expect(tip).ToBeVisibleAsync();

        // Then the policy blocked nothing, nothing failed, and the tooltip stands beside its term
        var blocked = await page.EvaluateAsync<string[]>("() => window.blocked");
        Assert.True(blocked.Length == 0, $"the policy blocked: {string.Join("; ", blocked)}");
        Assert.True(problems.All.Count == 0, string.Join(Environment.NewLine, problems.All));
        GlossaryTips.AssertBesideItsTerm(await GlossaryTips.MeasureAsync(term, $"#{await tip.GetAttributeAsync("id")}"), "the tooltip under the policy");
    }

    [SkippableFact]
    public async Task Escape_on_a_term_closes_its_tooltip_not_an_open_note()
    {
        // Given a phone-width reader with a note open under its paragraph, and then a term's tooltip shown by
        // keyboard focus
        await using var context = await site.NewContextAsync(390, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var marker = page.Locator("a.note-ref").First;
        await marker.ClickAsync();
        await Assertions.Expect(marker).ToHaveAttributeAsync("aria-expanded", "true");
        var term = page.Locator("a.term").First;
        var tip = await GlossaryTips.TipOfAsync(page, term);
        await GlossaryTips.TabOntoAsync(page, term);
        await Assertions.Expect(tip).ToBeVisibleAsync();

        // When the reader presses Escape once
        await page.Keyboard.PressAsync("Escape");

        // Then the nearest thing closes, the tooltip; the note stays open and focus stays on the term
        await Assertions.Expect(tip).ToBeHiddenAsync();
        await Assertions.Expect(marker).ToHaveAttributeAsync("aria-expanded", "true");
        Assert.True(await term.EvaluateAsync<bool>("term => document.activeElement === term"), $"after Escape, focus is on {await page.DescribeFocusedAsync()}");

        // When the reader presses Escape again
        await page.Keyboard.PressAsync("Escape");

        // Then the note closes, as it would have without the tooltip
        await Assertions.Expect(marker).ToHaveAttributeAsync("aria-expanded", "false");
    }

    /// <summary>The short definition the glossary page gives the entry: what the tooltip must say.</summary>
    private async Task<string> ShortDefinitionAsync(IBrowserContext context, string origin, string id)
    {
        var glossary = await context.NewPageAsync();
        await glossary.OpenAsync(origin == "file" ? site.FileUrlOf(SitePages.Glossary) : site.Server.UrlOf(SitePages.Glossary));
        var text = await glossary.Locator($"[id='{id}'] .glossary-short").TextContentAsync();
        await glossary.CloseAsync();
        Assert.False(string.IsNullOrWhiteSpace(text), $"the glossary page has no short definition for {id}");
        return text!.Trim();
    }

}

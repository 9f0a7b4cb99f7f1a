using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Marginalia.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// An initiative named in the essay: a link to the initiative's page that, where JavaScript runs, shows a
/// preview card on hover (after about half a second) or keyboard focus, built from data inside the page. The
/// card keeps WCAG 1.4.13's promises (dismissible with Escape, hoverable, persistent); a tap and a click still
/// follow the link, and without JavaScript the link is all there is.
/// </summary>
[Collection(BuiltSite.Initiatives)]
public sealed partial class InitiativeCardTests(SiteFixture site)
{
    // cards.js waits 500 ms before a hover shows a card; a timer may fire a little early by the page's clock.
    private const double HoverDelayAtLeast = 480;

    // cards.js hides a card 300 ms after pointer and focus have left it; waiting longer proves it stayed.
    private const int LongerThanTheGrace = 700;

    // Longer than the hide grace (300 ms) and the switch delay (150 ms), shorter than the rest that ends aiming
    // (the hover delay, 500 ms).
    private const int PauseOnTheWay = 380;

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
    public async Task Hovering_a_mention_shows_its_card_after_about_half_a_second(string origin)
    {
        // Given the reader on a wide window, from disk or from the server, with the moments the pointer reached
        // the first mention and its card appeared recorded by the page's own clock
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        var problems = PageProblems.RecordOn(page);
        await page.OpenAsync(Url(origin, SitePages.Reader));
        var mention = page.Locator(InitiativeCards.Mention).First;
        var card = await InitiativeCards.CardOfAsync(page, mention);
        await Assertions.Expect(card).ToBeHiddenAsync();
        await mention.EvaluateAsync(
            """
            mention => {
              const card = document.getElementById(mention.getAttribute('aria-describedby'));
              window.cardTiming = {};
              mention.addEventListener('pointerenter', () => { window.cardTiming.entered ??= performance.now(); });
              const seen = () => { if (card.checkVisibility()) window.cardTiming.shown ??= performance.now(); };
              new MutationObserver(seen).observe(card.closest('.initiative-cards'), { attributes: true, subtree: true, attributeFilter: ['hidden'] });
            }
            """);

        // When the mouse comes to rest on the mention
        await InitiativeCards.HoverAsync(page, mention);

        // Then its card appears, not at once but after the hover delay
        await Assertions.Expect(card).ToBeVisibleAsync();
        var elapsed = await page.EvaluateAsync<double>("() => window.cardTiming.shown - window.cardTiming.entered");
        Assert.True(elapsed >= HoverDelayAtLeast, $"the card showed {elapsed:0} ms after the pointer arrived; a pointer crossing the text would set cards flashing");

        // And it is the card of the initiative the mention links to: the name and summary its own page gives,
        // with its facts, beside the mention, inside the main landmark and outside the link
        var (name, summary) = await NameAndSummaryOnItsPageAsync(context, origin, mention);
        await Assertions.Expect(card.Locator(".initiative-card-name")).ToHaveTextAsync(name);
        await Assertions.Expect(card.Locator(".initiative-card-summary")).ToHaveTextAsync(summary);
        await Assertions.Expect(card.Locator(".initiative-card-facts")).ToHaveTextAsync(new Regex(@"\S"));
        GlossaryTips.AssertBesideItsTerm(await GlossaryTips.MeasureAsync(mention, await InitiativeCards.BoxSelectorAsync(mention)), "the card");

        // And nothing went wrong on the way
        Assert.True(problems.All.Count == 0, string.Join(Environment.NewLine, problems.All));
    }

    [SkippableFact]
    public async Task A_pointer_crossing_a_mention_opens_no_card()
    {
        // Given the reader, the mouse away from the text
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var mention = page.Locator(InitiativeCards.Mention).First;
        var card = await InitiativeCards.CardOfAsync(page, mention);

        // When the mouse passes over the mention without stopping
        await InitiativeCards.HoverAsync(page, mention);
        await page.WaitForTimeoutAsync(100);
        await page.Mouse.MoveAsync(5, 5);
        await page.WaitForTimeoutAsync(LongerThanTheGrace);

        // Then no card was shown
        await Assertions.Expect(page.Locator(".initiative-preview:visible")).ToHaveCountAsync(0);
        Assert.False(await card.IsVisibleAsync(), "a card opened under a pointer that did not stop");
    }

    [SkippableFact]
    public async Task Keyboard_focus_shows_the_card_at_once_and_Escape_hides_it_leaving_focus_on_the_mention()
    {
        // Given the reader, its first mention not yet focused
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var mention = page.Locator(InitiativeCards.Mention).First;
        var card = await InitiativeCards.CardOfAsync(page, mention);

        // When the reader tabs onto the mention
        await GlossaryTips.TabOntoAsync(page, mention);

        // Then its card is shown at once: read straight after the key, without waiting
        Assert.True(await card.IsVisibleAsync(), "the card did not show on keyboard focus at once");
        GlossaryTips.AssertBesideItsTerm(await GlossaryTips.MeasureAsync(mention, await InitiativeCards.BoxSelectorAsync(mention)), "the card");

        // When the reader presses Escape
        await page.Keyboard.PressAsync("Escape");

        // Then the card is gone, focus has not moved, and the card does not come back while focus stays
        Assert.False(await card.IsVisibleAsync(), "Escape did not hide the card");
        Assert.True(await mention.EvaluateAsync<bool>("mention => document.activeElement === mention"), $"after Escape, focus is on {await page.DescribeFocusedAsync()}");
        await page.WaitForTimeoutAsync(LongerThanTheGrace);
        Assert.False(await card.IsVisibleAsync(), "the dismissed card came back while focus stayed on its mention");

        // When focus leaves the mention and comes back
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Shift+Tab");

        // Then the card shows again
        Assert.True(await card.IsVisibleAsync(), "the card did not show when focus came back to the mention");

        // When the reader tabs on
        await page.Keyboard.PressAsync("Tab");

        // Then the card goes with the focus
        await Assertions.Expect(card).ToBeHiddenAsync();
    }

    [SkippableFact]
    public async Task Pointer_can_move_onto_the_card_and_it_stays_until_the_pointer_leaves_both()
    {
        // Given a mention's card shown by hovering
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var mention = page.Locator(InitiativeCards.Mention).First;
        var card = await InitiativeCards.CardOfAsync(page, mention);
        await InitiativeCards.HoverAsync(page, mention);
        await Assertions.Expect(card).ToBeVisibleAsync();

        // When the mouse travels from the mention onto the middle of the card, across the gap and over whatever
        // lies on the way (at 1400px, another mention), in twelve moves 40 ms apart (a hand's pace, on the page's own
        // clock, so a busy machine cannot stretch it), and rests there
        var box = page.Locator(await InitiativeCards.BoxSelectorAsync(mention));
        var to = await box.BoundingBoxAsync();
        await MoveOnThePagesClockAsync(page, mention, to!.X + (to.Width / 2), to.Y + (to.Height / 2), steps: 12, pause: 40);
        await page.Clock.RunForAsync(LongerThanTheGrace);

        // Then the card is still shown: it can be read, and its text selected
        Assert.True(await card.IsVisibleAsync(), "the card closed as the pointer moved from the mention onto it");

        // When the mouse leaves the card for the empty page beside the text
        await page.Mouse.MoveAsync(5, to.Y + (to.Height / 2), new() { Steps = 4 });
        await page.Clock.RunForAsync(LongerThanTheGrace);

        // Then the card closes
        await Assertions.Expect(card).ToBeHiddenAsync();
    }

    [SkippableFact]
    public async Task A_pointer_that_pauses_on_its_way_to_the_card_keeps_that_card()
    {
        // Given a mention's card shown by hovering
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var mention = page.Locator(InitiativeCards.Mention).First;
        var card = await InitiativeCards.CardOfAsync(page, mention);
        await InitiativeCards.HoverAsync(page, mention);
        await Assertions.Expect(card).ToBeVisibleAsync();

        // When the mouse heads for the card's middle, stops half way for longer than the hide grace and the
        // switch delay together (a slow hand), and then goes on: on the page's own clock, so the pause is exact
        var to = await page.Locator(await InitiativeCards.BoxSelectorAsync(mention)).BoundingBoxAsync();
        var (lineX, lineY) = await InitiativeCards.PointOnAsync(mention);
        var (x, y) = (to!.X + (to.Width / 2), to.Y + (to.Height / 2));
        await MoveOnThePagesClockAsync(page, mention, (lineX + x) / 2, (lineY + y) / 2, steps: 6, pause: 40);
        await page.Clock.RunForAsync(PauseOnTheWay);
        var visibleMidway = await card.IsVisibleAsync();
        await MoveOnThePagesClockAsync(page, mention, x, y, steps: 6, pause: 40);
        await page.Clock.RunForAsync(LongerThanTheGrace);

        // Then the card stayed throughout, and no other card took its place
        Assert.True(visibleMidway, "the card closed while the pointer paused on its way to it");
        Assert.True(await card.IsVisibleAsync(), "the card closed once the pointer reached it");
        await Assertions.Expect(page.Locator(".initiative-preview:visible")).ToHaveCountAsync(1);
    }

    [SkippableFact]
    public async Task Escape_dismisses_a_hovered_card_until_the_pointer_leaves_and_comes_back()
    {
        // Given a mention's card shown by hovering, focus elsewhere
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var mention = page.Locator(InitiativeCards.Mention).First;
        var card = await InitiativeCards.CardOfAsync(page, mention);
        await InitiativeCards.HoverAsync(page, mention);
        await Assertions.Expect(card).ToBeVisibleAsync();

        // When the reader presses Escape, the pointer still on the mention
        await page.Keyboard.PressAsync("Escape");

        // Then the card is gone and stays gone while the pointer rests there
        await Assertions.Expect(card).ToBeHiddenAsync();
        await page.WaitForTimeoutAsync(LongerThanTheGrace);
        Assert.False(await card.IsVisibleAsync(), "the dismissed card came back under a resting pointer");

        // When the pointer leaves the mention and comes back
        await page.Mouse.MoveAsync(5, 5);
        await InitiativeCards.HoverAsync(page, mention);

        // Then it shows again
        await Assertions.Expect(card).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task One_card_at_a_time_and_the_next_comes_sooner()
    {
        // Given the first mention's card shown by hovering
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var first = page.Locator(InitiativeCards.Mention).Nth(0);
        var second = page.Locator(InitiativeCards.Mention).Nth(1);
        var firstCard = await InitiativeCards.CardOfAsync(page, first);
        var secondCard = await InitiativeCards.CardOfAsync(page, second);
        await InitiativeCards.HoverAsync(page, first);
        await Assertions.Expect(firstCard).ToBeVisibleAsync();

        // When the mouse moves on to the second mention and rests there
        await second.EvaluateAsync(
            """
            mention => {
              const card = document.getElementById(mention.getAttribute('aria-describedby'));
              window.cardTiming = {};
              mention.addEventListener('pointerenter', () => { window.cardTiming.entered ??= performance.now(); });
              new MutationObserver(() => { if (card.checkVisibility()) window.cardTiming.shown ??= performance.now(); })
                .observe(card.closest('.initiative-cards'), { attributes: true, subtree: true, attributeFilter: ['hidden'] });
            }
            """);
        // (on the page's own clock, run in 10 ms ticks, so the time measured is the page's and not the load's)
        await PauseThePagesClockAsync(page);
        await InitiativeCards.HoverAsync(page, second);
        for (var ticks = 0; ticks < 100 && !await secondCard.IsVisibleAsync(); ticks++)
        {
            await page.Clock.RunForAsync(10);
        }

        // Then the second mention's card is shown, sooner than the first was, and it alone
        await Assertions.Expect(secondCard).ToBeVisibleAsync();
        var elapsed = await page.EvaluateAsync<double>("() => window.cardTiming.shown - window.cardTiming.entered");
        Assert.True(elapsed < HoverDelayAtLeast, $"the next card took {elapsed:0} ms, as long as the first; a reader going from card to card waits each time");
        Assert.False(await firstCard.IsVisibleAsync(), "the first card stayed beside the second");
        await Assertions.Expect(page.Locator(".initiative-preview:visible")).ToHaveCountAsync(1);
    }

    [SkippableFact]
    public async Task Read_more_in_the_card_opens_the_initiatives_page()
    {
        // Given a mention's card shown by hovering
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.FileUrlOf(SitePages.Reader));
        var mention = page.Locator(InitiativeCards.Mention).First;
        var href = await mention.GetAttributeAsync("href");
        var (name, _) = await NameAndSummaryOnItsPageAsync(context, "file", mention);
        await InitiativeCards.HoverAsync(page, mention);
        var box = page.Locator(await InitiativeCards.BoxSelectorAsync(mention));
        await Assertions.Expect(box).ToBeVisibleAsync();

        // When the reader moves onto the card and clicks "Read more", a link named for the initiative
        var more = box.GetByRole(AriaRole.Link, new() { Name = $"Read more about {name}" });
        await more.ClickAsync();

        // Then the initiative's page is open
        await page.WaitForAddressAsync(url => url.EndsWith(href!, StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
    }

    [SkippableTheory]
    [InlineData("file")]
    [InlineData("http")]
    public async Task Clicking_a_mention_follows_it_to_its_initiatives_page(string origin)
    {
        // Given the reader, from disk or from the server, with JavaScript on
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        var problems = PageProblems.RecordOn(page);
        await page.OpenAsync(Url(origin, SitePages.Reader));
        var mention = page.Locator(InitiativeCards.Mention).First;
        var href = await mention.GetAttributeAsync("href");
        var card = await InitiativeCards.CardOfAsync(page, mention);
        var name = (await card.Locator(".initiative-card-name").TextContentAsync())!.Trim();

        // When the reader clicks the mention
        await mention.ClickAsync();

        // Then the link is followed, the card notwithstanding, to the page the card names
        await page.WaitForAddressAsync(url => url.EndsWith(href!, StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
        Assert.True(problems.All.Count == 0, string.Join(Environment.NewLine, problems.All));
    }

    [SkippableFact]
    public async Task Without_JavaScript_a_mention_is_a_link_that_reaches_its_page()
    {
        // Given the reader with JavaScript off, opened from disk
        await using var context = await site.NewContextAsync(1400, 900, options => options.JavaScriptEnabled = false);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.FileUrlOf(SitePages.Reader));
        var mention = page.Locator(InitiativeCards.Mention).First;
        var id = await mention.GetAttributeAsync("data-initiative");

        // Then no card is laid over the text
        await Assertions.Expect(page.Locator(".initiative-cards")).ToBeHiddenAsync();

        // When the reader clicks the mention
        await mention.ClickAsync();

        // Then the initiative's own page is open
        await page.WaitForAddressAsync(url => url.EndsWith($"initiatives/{id}/index.html", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("main h1")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("main dl.facts")).ToHaveCountAsync(1);
    }

    [SkippableFact]
    public async Task Tapping_a_mention_on_a_touch_screen_follows_the_link_without_a_card()
    {
        // Given the reader on a phone with a touch screen
        await using var context = await site.NewContextAsync(390, 800, options =>
        {
            options.HasTouch = true;
            options.IsMobile = true;
        });
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var mention = page.Locator(InitiativeCards.Mention).First;
        var href = await mention.GetAttributeAsync("href");

        // (Any card that opens is noted where the next page of the same site can read it back.)
        await page.EvaluateAsync(
            """
            () => {
              sessionStorage.removeItem('cardSeen');
              const layer = document.querySelector('.initiative-cards');
              new MutationObserver(() => {
                if (layer.querySelector('.initiative-preview:not([hidden])')) sessionStorage.setItem('cardSeen', 'yes');
              }).observe(layer, { attributes: true, subtree: true, attributeFilter: ['hidden'] });
            }
            """);

        // When the reader taps the mention, once the page is quiet. On a loaded two-core machine the page may
        // still be busy (its service worker caching the site, notes and fonts moving text): Chromium may then see
        // the touch held long enough to be a long press, which follows no link, and a followed link may take
        // seconds to commit. So a tap is tried again, at most three times, only while the reader is still shown
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await mention.ScrollIntoViewIfNeededAsync();
        await page.EvaluateAsync("() => document.fonts.ready.then(() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))))");
        bool Arrived() => page.Url.EndsWith(href!, StringComparison.Ordinal);
        for (var attempt = 1; attempt <= 3 && !Arrived(); attempt++)
        {
            try
            {
                await mention.TapAsync(new() { Timeout = 5_000 });
                await page.WaitForAddressAsync(url => url.EndsWith(href!, StringComparison.Ordinal), until: null, timeout: 10_000);
            }
            catch (TimeoutException) when (attempt < 3)
            {
                // Not there yet: tapped too early, or the page is on its way (then the next round sees it arrive).
            }
        }

        await page.WaitForAddressAsync(url => url.EndsWith(href!, StringComparison.Ordinal), until: null);

        // Then the link is followed, with no card opened on the way: a tap cannot hover, and the page it leads to
        // says more than the card would
        await Assertions.Expect(page.Locator("main dl.facts")).ToHaveCountAsync(1);
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('cardSeen')"));
    }

    [SkippableTheory]
    [InlineData(320)]
    [InlineData(390)]
    [InlineData(1400)]
    public async Task Every_mentions_card_stands_beside_it_inside_the_window(int width)
    {
        // Given the reader at a width, and a key pressed, so that focus moved by script counts as the keyboard's
        await using var context = await site.NewContextAsync(width, 800);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await page.Keyboard.PressAsync("Tab");
        var mentions = page.Locator(InitiativeCards.Mention);
        var count = await mentions.CountAsync();
        Assert.True(count > 0, "the reader links no initiatives");

        for (var i = 0; i < count; i++)
        {
            // When each mention in turn has focus (the window scrolled to it, as focus scrolls)
            var mention = mentions.Nth(i);
            await mention.FocusAsync();

            // Then its card, and only its, is shown beside it and inside the window, below the mention or, where
            // there is no room below, above it; and the page does not scroll sideways
            await GlossaryTips.SettleAsync(page);
            var box = await GlossaryTips.MeasureAsync(mention, await InitiativeCards.BoxSelectorAsync(mention));
            var what = $"the card of mention {i + 1} ({await mention.GetAttributeAsync("data-initiative")}) at {width}px";
            GlossaryTips.AssertBesideItsTerm(box, what);
            Assert.True(box.Self.Top >= -1 && box.Self.Bottom <= box.ViewHeight + 1, $"{what} ({box.Self.Top:0}–{box.Self.Bottom:0}px) is not inside the {box.ViewHeight:0}px window");
            Assert.Equal(1, await page.Locator(".initiative-preview:visible").CountAsync());
        }
    }

    [SkippableFact]
    public async Task Every_mention_is_described_by_its_own_card_outside_the_link()
    {
        // Given the reader as the server sends it, before any script could add or move anything
        await using var context = await site.NewContextAsync(1400, 900, options => options.JavaScriptEnabled = false);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));

        // When each mention's description is looked up
        var broken = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('#essay a.mention')].flatMap(mention => {
              const ids = (mention.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
              const cards = ids.map(id => document.getElementById(id)).filter(card => card?.classList.contains('initiative-card'));
              if (cards.length !== 1) return [`${mention.textContent}: ${cards.length} cards in aria-describedby "${ids.join(' ')}"`];
              const card = cards[0];
              if (mention.contains(card)) return [`${mention.textContent}: #${card.id} is inside the link`];
              if (!card.closest('main')) return [`${mention.textContent}: #${card.id} is outside the main landmark`];
              if (card.dataset.initiative !== mention.dataset.initiative) return [`${mention.textContent}: #${card.id} is the card of ${card.dataset.initiative}`];
              if (!mention.getAttribute('href').endsWith(`initiatives/${mention.dataset.initiative}/index.html`)) return [`${mention.textContent}: links to ${mention.getAttribute('href')}`];
              return [];
            })
            """);

        // Then every one names exactly one card, of the same initiative, outside the link
        Assert.True(await page.Locator(InitiativeCards.Mention).CountAsync() > 0, "the reader links no initiatives");
        Assert.True(broken.Length == 0, string.Join(Environment.NewLine, broken));
    }

    [SkippableFact]
    public async Task A_mentions_description_is_its_card_and_its_name_is_its_own_text()
    {
        // Given the reader with its cards set up by the script
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var mention = page.Locator(InitiativeCards.Mention).First;
        var card = await InitiativeCards.CardOfAsync(page, mention);
        var words = (await mention.TextContentAsync())!.Trim();

        // When the card is open by keyboard focus
        await GlossaryTips.TabOntoAsync(page, mention);
        await Assertions.Expect(card).ToBeVisibleAsync();

        // Then the link's name is the essay's words alone (the card is not inside it), and its description
        // begins with the initiative's name and does not end in the frame's "Read more"
        await Assertions.Expect(mention).ToHaveAccessibleNameAsync(words);
        var name = (await card.Locator(".initiative-card-name").TextContentAsync())!.Trim();
        await Assertions.Expect(mention).ToHaveAccessibleDescriptionAsync(new Regex("^" + Regex.Escape(name)));
        await Assertions.Expect(mention).Not.ToHaveAccessibleDescriptionAsync(new Regex("Read more"));
    }

    [SkippableTheory]
    [MemberData(nameof(WidthsInBothColourSchemes))]
    public async Task Axe_finds_no_violations_with_a_card_open(int width, string colourScheme)
    {
        // Given the reader at a width, in a colour scheme, with a mention's card shown by keyboard focus
        await using var context = await site.NewContextAsync(width, 900);
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = colourScheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var mention = page.Locator(InitiativeCards.Mention).First;
        var card = await InitiativeCards.CardOfAsync(page, mention);
        await GlossaryTips.TabOntoAsync(page, mention);
        await Assertions.Expect(card).ToBeVisibleAsync();

        // When axe-core scans the page
        AxeResult result = await page.RunAxeForViolationsAsync();

        // Then no rule is violated (the card's colours included, since it is on screen)
        Assert.True(
            result.Violations.Length == 0,
            $"reader at {width}px ({colourScheme}) with a card open: axe-core found {result.Violations.Length} violation(s):{Environment.NewLine}{AxeReport.Describe(result.Violations)}");
    }

    [SkippableFact]
    public async Task Cards_work_under_the_sites_content_security_policy()
    {
        // Given the reader served with the Content-Security-Policy netlify.toml gives the live site (no inline
        // script or style, not even a style attribute), and a listener for anything the policy blocks
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        var problems = PageProblems.RecordOn(page);
        await SiteCsp.ApplyAsync(page, site.RepositoryRoot);
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));

        // When a mention's card is shown, which places it through the CSSOM (allowed) rather than a style attribute
        var mention = page.Locator(InitiativeCards.Mention).First;
        await InitiativeCards.HoverAsync(page, mention);
        var card = await InitiativeCards.CardOfAsync(page, mention);
        await Assertions.Expect(card).ToBeVisibleAsync();

        // Then the policy blocked nothing, nothing failed, and the card stands beside its mention
        var blocked = await page.EvaluateAsync<string[]>("() => window.blocked");
        Assert.True(blocked.Length == 0, $"the policy blocked: {string.Join("; ", blocked)}");
        Assert.True(problems.All.Count == 0, string.Join(Environment.NewLine, problems.All));
        GlossaryTips.AssertBesideItsTerm(await GlossaryTips.MeasureAsync(mention, await InitiativeCards.BoxSelectorAsync(mention)), "the card under the policy");
    }

    [SkippableFact]
    public async Task Escape_on_a_mention_closes_its_card_not_an_open_note()
    {
        // Given a phone-width reader with a note open under its paragraph, and then a mention's card shown by
        // keyboard focus
        await using var context = await site.NewContextAsync(390, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var marker = page.Locator("a.note-ref").First;
        await marker.ClickAsync();
        await Assertions.Expect(marker).ToHaveAttributeAsync("aria-expanded", "true");
        var mention = page.Locator(InitiativeCards.Mention).First;
        var card = await InitiativeCards.CardOfAsync(page, mention);
        await GlossaryTips.TabOntoAsync(page, mention);
        await Assertions.Expect(card).ToBeVisibleAsync();

        // When the reader presses Escape once
        await page.Keyboard.PressAsync("Escape");

        // Then the nearest thing closes, the card; the note stays open and focus stays on the mention
        await Assertions.Expect(card).ToBeHiddenAsync();
        await Assertions.Expect(marker).ToHaveAttributeAsync("aria-expanded", "true");
        Assert.True(await mention.EvaluateAsync<bool>("mention => document.activeElement === mention"), $"after Escape, focus is on {await page.DescribeFocusedAsync()}");

        // When the reader presses Escape again
        await page.Keyboard.PressAsync("Escape");

        // Then the note closes, as it would have without the card
        await Assertions.Expect(marker).ToHaveAttributeAsync("aria-expanded", "false");
    }

    [SkippableFact]
    public async Task A_card_is_not_printed()
    {
        // Given a mention's card open
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var mention = page.Locator(InitiativeCards.Mention).First;
        var card = await InitiativeCards.CardOfAsync(page, mention);
        await GlossaryTips.TabOntoAsync(page, mention);
        await Assertions.Expect(card).ToBeVisibleAsync();

        // When the page is laid out for paper
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        // Then no card is on the page
        await Assertions.Expect(page.Locator(".initiative-cards")).ToBeHiddenAsync();
        await Assertions.Expect(card).ToBeHiddenAsync();
    }

    [SkippableFact]
    public async Task In_forced_colours_a_card_keeps_its_edge()
    {
        // Given a Windows contrast theme, which takes away the card's fill and shadow
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new() { ForcedColors = ForcedColors.Active });
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var mention = page.Locator(InitiativeCards.Mention).First;
        await GlossaryTips.TabOntoAsync(page, mention);
        var box = page.Locator(await InitiativeCards.BoxSelectorAsync(mention));
        await Assertions.Expect(box).ToBeVisibleAsync();

        // When its border is read
        var border = await box.EvaluateAsync<string[]>(
            "box => { const style = getComputedStyle(box); return [style.borderTopStyle, style.borderTopWidth, style.borderTopColor, getComputedStyle(document.body).color]; }");

        // Then a solid border of the text's colour draws the card, so it is not lost on the page behind it
        Assert.Equal("solid", border[0]);
        Assert.True(double.Parse(border[1].Replace("px", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) >= 1, $"the border is {border[1]} wide");
        Assert.Equal(border[3], border[2]);
    }

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_card_moves_into_place_only_for_readers_who_have_not_asked_for_less_motion(bool reduced)
    {
        // Given a reader whose system asks for reduced motion, or does not
        await using var context = await site.NewContextAsync(1400, 900, options =>
            options.ReducedMotion = reduced ? ReducedMotion.Reduce : ReducedMotion.NoPreference);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var mention = page.Locator(InitiativeCards.Mention).First;

        // When a mention's card opens
        await GlossaryTips.TabOntoAsync(page, mention);
        var box = page.Locator(await InitiativeCards.BoxSelectorAsync(mention));
        await Assertions.Expect(box).ToBeVisibleAsync();
        var animation = await box.EvaluateAsync<string>("box => getComputedStyle(box).animationName");

        // Then it is animated in only for the reader who did not ask for less (read from the style, not from a
        // running animation, which may have finished by the time it is looked for)
        Assert.Equal(reduced ? "none" : "initiative-preview-in", animation);
    }

    private Uri Url(string origin, string pagePath) =>
        origin == "file" ? site.FileUrlOf(pagePath) : site.Server.UrlOf(pagePath);

    /// <summary>The name and summary the initiative's own page gives: what its card must say.</summary>
    private async Task<(string Name, string Summary)> NameAndSummaryOnItsPageAsync(IBrowserContext context, string origin, ILocator mention)
    {
        var href = await mention.GetAttributeAsync("href");
        Assert.False(string.IsNullOrWhiteSpace(href), "the mention has no href");
        var other = await context.NewPageAsync();
        await other.OpenAsync(Url(origin, href!));
        var name = (await other.Locator("main h1").TextContentAsync())?.Trim();
        var summary = (await other.Locator("main .initiative-summary").TextContentAsync())?.Trim();
        await other.CloseAsync();
        Assert.False(string.IsNullOrWhiteSpace(name), $"{href} has no title");
        Assert.False(string.IsNullOrWhiteSpace(summary), $"{href} has no summary");
        return (name!, summary!);
    }

    /// <summary>
    /// Puts the page's timers on a clock the test runs (installed once the card is open, so hovering has already
    /// shown it), then moves the mouse from where it is to (x, y) in even steps, running that clock <paramref name="pause"/>
    /// ms after each: the page sees a hand moving at that pace however slowly the test itself is scheduled.
    /// </summary>
    private static async Task MoveOnThePagesClockAsync(IPage page, ILocator mention, float x, float y, int steps, int pause)
    {
        await PauseThePagesClockAsync(page);

        var at = await page.EvaluateAsync<float[]>("() => window.__lastPointer ?? null");
        var (fx, fy) = at is { Length: 2 } ? (at[0], at[1]) : await InitiativeCards.PointOnAsync(mention);
        for (var i = 1; i <= steps; i++)
        {
            var (sx, sy) = (fx + ((x - fx) * i / steps), fy + ((y - fy) * i / steps));
            await page.Mouse.MoveAsync(sx, sy);
            await page.Clock.RunForAsync(pause);
        }

        await page.EvaluateAsync("([x, y]) => { window.__lastPointer = [x, y]; }", new[] { x, y });
    }

    /// <summary>Installs Playwright's clock on the page once, paused: from then on no page timer fires but when the test runs it.</summary>
    private static async Task PauseThePagesClockAsync(IPage page)
    {
        if (await page.EvaluateAsync<bool>("() => window.__clockInstalled === true"))
        {
            return;
        }

        // Installed flowing, then paused ahead of any time the install could have taken.
        var now = DateTime.UtcNow;
        await page.Clock.InstallAsync(new() { TimeDate = now });
        await page.Clock.PauseAtAsync(now.AddSeconds(30));
        await page.EvaluateAsync("() => { window.__clockInstalled = true; }");
    }
}

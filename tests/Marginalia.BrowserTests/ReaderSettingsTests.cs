using Deque.AxeCore.Commons;
using Marginalia.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// The reader settings (settings.js): theme and text size on every page, which marks show on the reader, kept in
/// localStorage, followed across tabs, and out of the way without JavaScript.
/// </summary>
[Collection(BuiltSite.Collection)]
public sealed class ReaderSettingsTests(SiteFixture site)
{
    /// <summary>--paper in each palette (site.css), as getComputedStyle gives a background.</summary>
    private const string LightPaper = "rgb(252, 250, 246)";

    private const string DarkPaper = "rgb(26, 24, 21)";

    [SkippableTheory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task A_chosen_theme_overrides_the_system_and_System_follows_it_again(string system)
    {
        // Given the reader on a system in one colour scheme, with the default setting
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = system == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var systemPaper = system == "dark" ? DarkPaper : LightPaper;
        Assert.Equal((systemPaper, "light dark", (string?)null), await ThemeAsync(page));

        // When the reader picks the other theme
        var other = system == "dark" ? "Light" : "Dark";
        await ReaderSettings.ChooseAsync(page, "Theme", other);

        // Then the page, its form controls and scrollbars take it
        var otherPaper = system == "dark" ? LightPaper : DarkPaper;
        Assert.Equal((otherPaper, other.ToLowerInvariant(), other.ToLowerInvariant()), await ThemeAsync(page));

        // When the reader goes back to System
        await ReaderSettings.ChooseAsync(page, "Theme", "System");

        // Then the system's scheme applies again, and nothing is stored
        Assert.Equal((systemPaper, "light dark", (string?)null), await ThemeAsync(page));
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('marginalia:theme')"));
    }

    [SkippableTheory]
    [InlineData(1400, 18.0)]
    [InlineData(390, 17.0)]
    [InlineData(1700, 19.0)]
    public async Task Text_size_multiplies_the_root_size_the_window_sets(int width, double defaultPixels)
    {
        // Given the reader at a width whose root size is one of the window's steps (106.25 %, 112.5 %, 118.75 %)
        await using var context = await site.NewContextAsync(width, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        Assert.Equal(defaultPixels, await RootPixelsAsync(page), 2);

        foreach (var (name, factor) in new[] { ("Smaller", 0.875), ("Larger", 1.125), ("Largest", 1.25), ("Default", 1.0) })
        {
            // When the reader picks a size
            await ReaderSettings.ChooseAsync(page, "Text size", name);

            // Then the root size is the window's step times its factor, and the essay's text (in rem) follows
            Assert.Equal(defaultPixels * factor, await RootPixelsAsync(page), 2);
            var body = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('.essay-body p')).fontSize)");
            Assert.Equal(defaultPixels * factor, body, 1);
        }
    }

    [SkippableFact]
    public async Task Glossary_terms_switched_off_read_as_plain_text_and_open_nothing()
    {
        // Given the reader, where a term has a dotted rule and is in the Tab order
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var term = page.Locator("#essay a.term").First;
        var tip = await GlossaryTips.TipOfAsync(page, term);
        Assert.Equal(("underline", (string?)null, "auto"), await LinkLookAsync(term));

        // When the reader switches glossary terms off
        await ReaderSettings.SetMarkAsync(page, ReaderSettings.Terms, shown: false);

        // Then the term has no rule, the text's colour, no pointer events, and is out of the Tab order
        Assert.Equal(("none", "-1", "none"), await LinkLookAsync(term));
        Assert.True(await SameColourAsItsParagraphAsync(term), "a switched-off term keeps a colour of its own");

        // And neither resting the mouse on it nor focusing it shows its tooltip
        await RestMouseOnAsync(page, term);
        await page.WaitForTimeoutAsync(800);
        await Assertions.Expect(tip).ToBeHiddenAsync();
        await term.FocusAsync();
        await page.WaitForTimeoutAsync(300);
        await Assertions.Expect(tip).ToBeHiddenAsync();
        await page.Mouse.MoveAsync(1, 1);

        // When it is switched on again
        await ReaderSettings.SetMarkAsync(page, ReaderSettings.Terms, shown: true);

        // Then the term is back as it was, and hovering it shows its tooltip
        Assert.Equal(("underline", (string?)null, "auto"), await LinkLookAsync(term));
        await RestMouseOnAsync(page, term);
        await Assertions.Expect(tip).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task Initiative_links_switched_off_read_as_plain_text_and_open_no_card()
    {
        // Given the reader, where a mention has a thin rule and is in the Tab order
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var mention = page.Locator(InitiativeCards.Mention).First;
        var card = page.Locator(await InitiativeCards.BoxSelectorAsync(mention));
        Assert.Equal(("underline", (string?)null, "auto"), await LinkLookAsync(mention));

        // When the reader switches initiative links off
        await ReaderSettings.SetMarkAsync(page, ReaderSettings.Mentions, shown: false);

        // Then the mention is plain text, out of the Tab order, and no card opens on hover or focus
        Assert.Equal(("none", "-1", "none"), await LinkLookAsync(mention));
        Assert.True(await SameColourAsItsParagraphAsync(mention), "a switched-off mention keeps a colour of its own");
        await InitiativeCards.HoverAsync(page, mention);
        await page.WaitForTimeoutAsync(1000);
        await Assertions.Expect(card).ToBeHiddenAsync();
        await mention.FocusAsync();
        await page.WaitForTimeoutAsync(300);
        await Assertions.Expect(card).ToBeHiddenAsync();
        await page.Mouse.MoveAsync(1, 1);

        // When it is switched on again, the mention is a link again and its card opens on hover
        await ReaderSettings.SetMarkAsync(page, ReaderSettings.Mentions, shown: true);
        Assert.Equal(("underline", (string?)null, "auto"), await LinkLookAsync(mention));
        await InitiativeCards.HoverAsync(page, mention);
        await Assertions.Expect(card).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task Tab_skips_switched_off_terms_and_mentions()
    {
        // Given the reader with terms and initiative links switched off
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await ReaderSettings.SetMarkAsync(page, ReaderSettings.Terms, shown: false);
        await ReaderSettings.SetMarkAsync(page, ReaderSettings.Mentions, shown: false);

        // When the keyboard tabs through the essay's first sections
        await page.Locator(ReaderSettings.Button).FocusAsync();
        var reached = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>("() => document.activeElement.className"));
        }

        // Then it reached note markers but never a term or a mention
        Assert.Contains(reached, name => name.Contains("note-ref", StringComparison.Ordinal));
        Assert.DoesNotContain(reached, name => name.Split(' ').Contains("term") || name.Split(' ').Contains("mention"));
    }

    [SkippableFact]
    public async Task Settings_persist_across_a_reload_and_on_another_page()
    {
        // Given the reader, where the reader picks dark, the largest text and hides the notes
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await ReaderSettings.ChooseAsync(page, "Theme", "Dark");
        await ReaderSettings.ChooseAsync(page, "Text size", "Largest");
        await ReaderSettings.SetMarkAsync(page, ReaderSettings.Notes, shown: false);

        // When the page is reloaded
        await page.ReloadAndSettleAsync();

        // Then all three still apply, and the panel says so
        Assert.Equal((DarkPaper, "dark", "dark"), await ThemeAsync(page));
        Assert.Equal(22.5, await RootPixelsAsync(page), 2);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.classList.contains('notes-hidden')"));
        await ReaderSettings.OpenAsync(page);
        await Assertions.Expect(ReaderSettings.Radio(page, "Theme", "Dark")).ToBeCheckedAsync();
        await Assertions.Expect(ReaderSettings.Radio(page, "Text size", "Largest")).ToBeCheckedAsync();
        await Assertions.Expect(ReaderSettings.Checkbox(page, ReaderSettings.Notes)).Not.ToBeCheckedAsync();

        // When the reader goes on to the glossary page
        await page.OpenAsync(site.Server.UrlOf(SitePages.Glossary));

        // Then theme and size apply there, its own settings control (in the header, without the marks) says so
        Assert.Equal((DarkPaper, "dark", "dark"), await ThemeAsync(page));
        Assert.Equal(22.5, await RootPixelsAsync(page), 2);
        await Assertions.Expect(page.Locator(".site-header " + ReaderSettings.Button)).ToBeVisibleAsync();
        await ReaderSettings.OpenAsync(page);
        await Assertions.Expect(ReaderSettings.Radio(page, "Theme", "Dark")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator(ReaderSettings.Panel + " input[type=checkbox]")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task Another_tab_changing_a_setting_is_followed()
    {
        // Given the essay open in two tabs
        await using var context = await site.NewContextAsync(1400, 900);
        var first = await context.NewPageAsync();
        var second = await context.NewPageAsync();
        await first.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await second.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await first.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await second.OpenAsync(site.Server.UrlOf(SitePages.Reader));

        // When the reader picks dark and switches glossary terms off in the first
        await ReaderSettings.ChooseAsync(first, "Theme", "Dark");
        await ReaderSettings.SetMarkAsync(first, ReaderSettings.Terms, shown: false);

        // Then the second follows: dark, terms plain and out of the Tab order, its panel saying so
        await Assertions.Expect(second.Locator("html[data-theme=dark].terms-hidden")).ToHaveCountAsync(1);
        Assert.Equal((DarkPaper, "dark", "dark"), await ThemeAsync(second));
        Assert.Equal(("none", "-1", "none"), await LinkLookAsync(second.Locator("#essay a.term").First));
        await ReaderSettings.OpenAsync(second);
        await Assertions.Expect(ReaderSettings.Radio(second, "Theme", "Dark")).ToBeCheckedAsync();
        await Assertions.Expect(ReaderSettings.Checkbox(second, ReaderSettings.Terms)).Not.ToBeCheckedAsync();
    }

    [SkippableFact]
    public async Task Settings_work_from_disk()
    {
        // Given the reader opened from file://, with everything that goes wrong recorded
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        var problems = PageProblems.RecordOn(page);
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await page.OpenAsync(site.FileUrlOf(SitePages.Reader));

        // When the reader picks dark and the larger size, and switches initiative links off
        await ReaderSettings.ChooseAsync(page, "Theme", "Dark");
        await ReaderSettings.ChooseAsync(page, "Text size", "Larger");
        await ReaderSettings.SetMarkAsync(page, ReaderSettings.Mentions, shown: false);

        // Then they apply, and still do after a reload, with nothing logged
        await page.ReloadAndSettleAsync();
        Assert.Equal((DarkPaper, "dark", "dark"), await ThemeAsync(page));
        Assert.Equal(18 * 1.125, await RootPixelsAsync(page), 2);
        Assert.Equal(("none", "-1", "none"), await LinkLookAsync(page.Locator(InitiativeCards.Mention).First));
        Assert.True(problems.All.Count == 0, string.Join(Environment.NewLine, problems.All));
    }

    [SkippableFact]
    public async Task The_keyboard_opens_the_panel_picks_with_arrows_and_Escape_returns_to_the_button()
    {
        // Given the reader, with focus on the settings button
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var button = page.Locator(ReaderSettings.Button);
        await Assertions.Expect(button).ToHaveAccessibleNameAsync("Settings");
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-controls", "settings-panel");
        await button.FocusAsync();

        // When Enter opens the panel, Tab moves into the theme group and ArrowDown picks the next theme
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(page.Locator(ReaderSettings.Panel)).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(ReaderSettings.Radio(page, "Theme", "System")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");

        // Then the light theme is chosen
        await Assertions.Expect(ReaderSettings.Radio(page, "Theme", "Light")).ToBeCheckedAsync();
        Assert.Equal((LightPaper, "light", "light"), await ThemeAsync(page));

        // When Escape is pressed
        await page.Keyboard.PressAsync("Escape");

        // Then the panel closes and focus is back on the button
        await Assertions.Expect(page.Locator(ReaderSettings.Panel)).ToBeHiddenAsync();
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(button).ToBeFocusedAsync();
    }

    [SkippableFact]
    public async Task A_panel_opened_at_the_foot_of_a_phones_window_is_brought_into_view()
    {
        // Given the reader on a phone, scrolled so that the settings button is on the window's last line
        await using var context = await site.NewContextAsync(390, 700);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var button = page.Locator(ReaderSettings.Button);
        await button.EvaluateAsync("b => b.scrollIntoView({ block: 'end' })");

        // When the reader opens the panel
        await button.ClickAsync();

        // Then the whole panel is in the window (to within the fraction of a pixel scrolling rounds to), where
        // it would otherwise hang some 250 px below it
        var bottom = await page.Locator(ReaderSettings.Panel).EvaluateAsync<double>("p => p.getBoundingClientRect().bottom");
        Assert.InRange(bottom, 1, 701);
    }

    [SkippableFact]
    public async Task Without_JavaScript_the_control_is_hidden_and_every_mark_shows()
    {
        // Given the reader with JavaScript off
        await using var context = await site.NewContextAsync(1400, 900, options => options.JavaScriptEnabled = false);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));

        // Then the settings are not offered, and notes, terms and mentions all show with their rules
        await Assertions.Expect(page.Locator(ReaderSettings.Button)).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".settings")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("a.note-ref").First).ToBeVisibleAsync();
        Assert.Equal("underline", await page.Locator("mark.note-mark").First.EvaluateAsync<string>("m => getComputedStyle(m).textDecorationLine"));
        Assert.Equal("underline", await page.Locator("#essay a.term").First.EvaluateAsync<string>("t => getComputedStyle(t).textDecorationLine"));
        Assert.Equal("underline", await page.Locator(InitiativeCards.Mention).First.EvaluateAsync<string>("t => getComputedStyle(t).textDecorationLine"));
        Assert.False(await page.Locator("html").EvaluateAsync<bool>("h => h.hasAttribute('data-theme') || h.hasAttribute('data-text-size')"));

        // And on another page the header's control is hidden too
        await page.OpenAsync(site.Server.UrlOf(SitePages.Glossary));
        await Assertions.Expect(page.Locator(ReaderSettings.Button)).ToBeHiddenAsync();
    }

    [SkippableFact]
    public async Task Paper_is_light_and_has_no_settings_whatever_the_screens_theme()
    {
        // Given the glossary page (its settings in the header) with the dark theme chosen
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Glossary));
        await ReaderSettings.ChooseAsync(page, "Theme", "Dark");
        Assert.Equal((DarkPaper, "dark", "dark"), await ThemeAsync(page));

        // When it is printed
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        // Then the page is white, its tokens take their light values, and the control is not on paper
        Assert.Equal(("rgb(255, 255, 255)", "light", "dark"), await ThemeAsync(page));
        Assert.Equal("rgb(248, 242, 227)", await page.EvaluateAsync<string>("() => { const probe = document.createElement('div'); probe.style.backgroundColor = 'var(--note-tint)'; document.body.append(probe); const value = getComputedStyle(probe).backgroundColor; probe.remove(); return value; }"));
        await Assertions.Expect(page.Locator(".settings")).ToBeHiddenAsync();
    }

    /// <summary>
    /// Each kind of mark switched off once and the open panel, spread over the two schemes: an axe scan of the reader
    /// costs about 4 s of the suite, and the reader with every mark shown is scanned in both schemes by
    /// AccessibilityTests already.
    /// </summary>
    [SkippableTheory]
    [InlineData("light", new[] { ReaderSettings.Notes, ReaderSettings.Mentions }, false)]
    [InlineData("dark", new[] { ReaderSettings.Terms }, true)]
    public async Task Axe_finds_no_violations_with_each_mark_switched_off_and_with_the_panel_open(string scheme, string[] marks, bool panel)
    {
        // Given the reader in a system colour scheme
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var found = new List<string>();

        // When axe-core scans it with each of these kinds of mark switched off in turn
        foreach (var mark in marks)
        {
            await ReaderSettings.SetMarkAsync(page, mark, shown: false);
            found.AddRange(Describe($"{mark} off", await page.RunAxeForViolationsAsync()));
            await ReaderSettings.SetMarkAsync(page, mark, shown: true);
        }

        // And with the theme chosen in the panel (not the system's), the panel left open
        if (panel)
        {
            await ReaderSettings.ChooseAsync(page, "Theme", scheme == "dark" ? "Dark" : "Light");
            await ReaderSettings.OpenAsync(page);
            found.AddRange(Describe("panel open", await page.RunAxeForViolationsAsync()));
        }

        // Then no rule is violated in any of them
        Assert.True(found.Count == 0, $"{scheme}: {string.Join(Environment.NewLine, found)}");
    }

    private static IEnumerable<string> Describe(string state, AxeResult result) =>
        result.Violations.Length == 0
            ? []
            : [$"{state}: axe-core found {result.Violations.Length} violation(s):{Environment.NewLine}{AxeReport.Describe(result.Violations)}"];

    /// <summary>The page's background, the root's used color-scheme, and the data-theme the script set.</summary>
    private static async Task<(string Paper, string Scheme, string? Attribute)> ThemeAsync(IPage page)
    {
        var values = await page.EvaluateAsync<string?[]>(
            """
            () => [
              getComputedStyle(document.body).backgroundColor,
              getComputedStyle(document.documentElement).colorScheme,
              document.documentElement.getAttribute('data-theme'),
            ]
            """);
        return (values[0]!, values[1]!, values[2]);
    }

    /// <summary>
    /// Moves the mouse onto a link's first line. Not ILocator.HoverAsync: a switched-off link takes no pointer
    /// events, which Playwright's actionability check would wait for in vain.
    /// </summary>
    private static async Task RestMouseOnAsync(IPage page, ILocator link)
    {
        await link.ScrollIntoViewIfNeededAsync();
        var (x, y) = await InitiativeCards.PointOnAsync(link);
        await page.Mouse.MoveAsync(x, y);
    }

    private static Task<double> RootPixelsAsync(IPage page) =>
        page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.documentElement).fontSize)");

    /// <summary>A link's underline, its tabindex attribute, and its pointer-events.</summary>
    private static async Task<(string Line, string? TabIndex, string PointerEvents)> LinkLookAsync(ILocator link)
    {
        var values = await link.EvaluateAsync<string?[]>("a => [getComputedStyle(a).textDecorationLine, a.getAttribute('tabindex'), getComputedStyle(a).pointerEvents]");
        return (values[0]!, values[1], values[2]!);
    }

    private static Task<bool> SameColourAsItsParagraphAsync(ILocator link) =>
        link.EvaluateAsync<bool>("a => getComputedStyle(a).color === getComputedStyle(a.closest('p, li, blockquote')).color");
}

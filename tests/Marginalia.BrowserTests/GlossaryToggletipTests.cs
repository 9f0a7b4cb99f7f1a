using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Marginalia.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// A glossary term on a touch screen, which cannot hover: a tap opens a toggletip (a small dialog with the
/// definition and a link to the full entry) instead of following the link; a tap elsewhere or Escape closes it.
/// </summary>
[Collection(BuiltSite.Glossary)]
public sealed class GlossaryToggletipTests(SiteFixture site)
{
    private const string Toggletip = ".term-toggletip";

    public static TheoryData<int, string> WidthsInBothColourSchemes => new()
    {
        { 390, "light" },
        { 390, "dark" },
        { 320, "light" },
    };

    [SkippableTheory]
    [InlineData("file", 390)]
    [InlineData("http", 390)]
    [InlineData("http", 320)]
    public async Task Tapping_a_term_opens_a_toggletip_whose_full_entry_link_reaches_the_entry(string origin, int width)
    {
        // Given the reader on a phone with a touch screen, from disk or from the server
        await using var context = await PhoneAsync(width);
        var page = await context.NewPageAsync();
        var problems = PageProblems.RecordOn(page);
        var reader = origin == "file" ? site.FileUrlOf(SitePages.Reader) : site.Server.UrlOf(SitePages.Reader);
        await page.OpenAsync(reader);
        var term = page.Locator("a.term").First;
        var id = (await term.GetAttributeAsync("href"))!.Split('#')[1];
        var word = (await term.TextContentAsync())!.Trim();
        var definition = (await (await GlossaryTips.TipOfAsync(page, term)).TextContentAsync())!.Trim();

        // When the reader taps the term
        await term.TapAsync();

        // Then the page stays where it is, and a dialog named for the term opens beside it, inside the window,
        // holding the term's definition and a link to its full entry; focus is in it, so it is read next
        var toggletip = page.Locator(Toggletip);
        await Assertions.Expect(toggletip).ToBeVisibleAsync();
        Assert.Equal(reader.AbsoluteUri, page.Url);
        await Assertions.Expect(toggletip).ToHaveAttributeAsync("role", "dialog");
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog, new() { Name = word })).ToBeVisibleAsync();
        await Assertions.Expect(toggletip).ToContainTextAsync(definition);
        var box = await GlossaryTips.MeasureAsync(term, Toggletip);
        GlossaryTips.AssertBesideItsTerm(box, $"the toggletip at {width}px");
        Assert.True(box.Self.Bottom <= box.ViewHeight + 1 && box.Self.Top >= -1, $"the toggletip ({box.Self.Top:0}–{box.Self.Bottom:0}px) is not inside the {box.ViewHeight:0}px window");
        Assert.True(await toggletip.EvaluateAsync<bool>("box => box.contains(document.activeElement)"), $"focus is on {await page.DescribeFocusedAsync()}");

        // And no tooltip is shown on top of it: the definition is there once
        await Assertions.Expect(page.Locator(".term-tips > .term-tip:visible")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText(definition)).ToHaveCountAsync(1);

        // When the reader taps "Full entry"
        var link = toggletip.GetByRole(AriaRole.Link, new() { Name = "Full entry" });
        await link.TapAsync();

        // Then the glossary page is open at the term's entry, which is the target and in view
        await page.WaitForAddressAsync(url => url.EndsWith($"glossary/index.html#{id}", StringComparison.Ordinal));
        var entry = page.Locator($"div.glossary-entry[id='{id}']");
        await Assertions.Expect(entry).ToHaveCountAsync(1);
        Assert.True(await entry.EvaluateAsync<bool>("entry => entry.matches(':target')"), "the entry is not the page's target");
        await Assertions.Expect(entry).ToBeInViewportAsync();
        Assert.True(problems.All.Count == 0, string.Join(Environment.NewLine, problems.All));
    }

    [SkippableFact]
    public async Task Tapping_elsewhere_closes_the_toggletip()
    {
        // Given a term's toggletip open on a phone
        await using var context = await PhoneAsync(390);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var term = page.Locator("a.term").First;
        await term.TapAsync();
        var toggletip = page.Locator(Toggletip);
        await Assertions.Expect(toggletip).ToBeVisibleAsync();

        // When the reader taps the essay's title, away from the term and the toggletip
        await page.Locator("#essay-title").TapAsync();

        // Then the toggletip closes, and its definition is back, hidden, among the tooltips
        await Assertions.Expect(toggletip).ToBeHiddenAsync();
        var tip = await GlossaryTips.TipOfAsync(page, term);
        await Assertions.Expect(tip).ToBeHiddenAsync();
        Assert.True(await tip.EvaluateAsync<bool>("tip => tip.parentElement.classList.contains('term-tips')"), "the definition did not go back to the tooltips' layer");
    }

    [SkippableFact]
    public async Task Escape_closes_the_toggletip_and_returns_focus_to_the_term()
    {
        // Given a term's toggletip open on a phone with a keyboard attached
        await using var context = await PhoneAsync(390);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var term = page.Locator("a.term").First;
        await term.TapAsync();
        var toggletip = page.Locator(Toggletip);
        await Assertions.Expect(toggletip).ToBeVisibleAsync();

        // When the reader presses Escape
        await page.Keyboard.PressAsync("Escape");

        // Then the toggletip closes, focus is back on the term, and no tooltip pops up in its place
        await Assertions.Expect(toggletip).ToBeHiddenAsync();
        Assert.True(await term.EvaluateAsync<bool>("term => document.activeElement === term"), $"after Escape, focus is on {await page.DescribeFocusedAsync()}");
        await Assertions.Expect(page.Locator(".term-tips > .term-tip:visible")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task Tapping_the_term_again_or_the_close_button_closes_the_toggletip()
    {
        // Given a term's toggletip open on a phone
        await using var context = await PhoneAsync(390);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var term = page.Locator("a.term").First;
        var toggletip = page.Locator(Toggletip);
        await term.TapAsync();
        await Assertions.Expect(toggletip).ToBeVisibleAsync();

        // When the reader taps the term again
        await term.TapAsync();

        // Then it closes, and the link was not followed
        await Assertions.Expect(toggletip).ToBeHiddenAsync();
        Assert.EndsWith(SitePages.Reader, new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);

        // When it is opened again and its close button tapped
        await term.TapAsync();
        await Assertions.Expect(toggletip).ToBeVisibleAsync();
        await toggletip.GetByRole(AriaRole.Button, new() { Name = "Close" }).TapAsync();

        // Then it closes, focus back on the term
        await Assertions.Expect(toggletip).ToBeHiddenAsync();
        Assert.True(await term.EvaluateAsync<bool>("term => document.activeElement === term"), $"after Close, focus is on {await page.DescribeFocusedAsync()}");
    }

    [SkippableFact]
    public async Task Tapping_another_term_moves_the_toggletip_to_it()
    {
        // Given the first term's toggletip open on a phone
        await using var context = await PhoneAsync(390);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var first = page.Locator("a.term").Nth(0);
        await first.TapAsync();
        await Assertions.Expect(page.Locator(Toggletip)).ToBeVisibleAsync();

        // The next term the open toggletip does not cover: a reader can only tap what they can see, and which terms sit
        // under the toggletip depends on the fonts and the width, not on the behaviour under test.
        var index = await page.EvaluateAsync<int>(
            @"selector => {
                const tip = document.querySelector(selector).getBoundingClientRect();
                const terms = [...document.querySelectorAll('a.term')];
                return terms.findIndex((term, i) => {
                    const box = term.getBoundingClientRect();
                    const covered = box.bottom > tip.top && box.top < tip.bottom && box.right > tip.left && box.left < tip.right;
                    return i > 0 && !covered && term.getAttribute('href') !== terms[0].getAttribute('href');
                });
            }",
            Toggletip);
        Assert.True(index > 0, "every other term is under the open toggletip");
        var second = page.Locator("a.term").Nth(index);

        // When the reader taps the second term
        await second.TapAsync();

        // Then one toggletip is open, the second term's, with its definition and its entry's link
        var toggletip = page.Locator(Toggletip);
        await Assertions.Expect(toggletip).ToHaveCountAsync(1);
        await Assertions.Expect(toggletip).ToBeVisibleAsync();
        var secondDefinition = (await (await GlossaryTips.TipOfAsync(page, second)).TextContentAsync())!.Trim();
        await Assertions.Expect(toggletip).ToContainTextAsync(secondDefinition);
        await Assertions.Expect(toggletip.GetByRole(AriaRole.Link, new() { Name = "Full entry" }))
            .ToHaveAttributeAsync("href", (await second.GetAttributeAsync("href"))!);
        await Assertions.Expect(await GlossaryTips.TipOfAsync(page, first)).ToBeHiddenAsync();
    }

    [SkippableFact]
    public async Task Tab_goes_through_the_toggletip_and_on_from_its_term()
    {
        // Given the reader on a phone with a keyboard attached, and the stop Tab reaches after the first term
        await using var context = await PhoneAsync(390);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var term = page.Locator("a.term").First;
        await GlossaryTips.TabOntoAsync(page, term);
        await page.Keyboard.PressAsync("Tab");
        var afterTerm = await page.DescribeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");

        // When the term's toggletip is opened by a tap (focus then on the dialog) and the reader tabs through it
        await term.TapAsync();
        await Assertions.Expect(page.Locator(Toggletip)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        var first = await page.DescribeFocusedAsync();
        var onLink = await page.FocusedMatchesAsync($"{Toggletip} a.term-toggletip-link");
        await page.Keyboard.PressAsync("Tab");
        var second = await page.DescribeFocusedAsync();
        var onClose = await page.FocusedMatchesAsync($"{Toggletip} button.term-toggletip-close");

        // Then the link comes first, then the close button
        Assert.True(onLink, $"the first Tab reached {first}, not the Full entry link");
        Assert.True(onClose, $"the second Tab reached {second}, not the close button");

        // When the reader tabs on out of the dialog
        await page.Keyboard.PressAsync("Tab");

        // Then the toggletip closes behind it, and focus goes on from the term, as if the dialog stood right
        // after it, rather than jumping to the end of the essay where the dialog is in the document
        await Assertions.Expect(page.Locator(Toggletip)).ToBeHiddenAsync();
        Assert.Equal(afterTerm, await page.DescribeFocusedAsync());
    }

    [SkippableFact]
    public async Task Shift_Tab_from_the_toggletip_goes_back_to_its_term()
    {
        // Given a term's toggletip open by a tap, focus on the dialog
        await using var context = await PhoneAsync(390);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var term = page.Locator("a.term").First;
        await term.FocusAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        var beforeTerm = await page.DescribeFocusedAsync();
        await term.TapAsync();
        await Assertions.Expect(page.Locator(Toggletip)).ToBeFocusedAsync();

        // When the reader presses Shift+Tab
        await page.Keyboard.PressAsync("Shift+Tab");

        // Then the toggletip closes and focus goes to the stop before the term
        await Assertions.Expect(page.Locator(Toggletip)).ToBeHiddenAsync();
        Assert.Equal(beforeTerm, await page.DescribeFocusedAsync());
    }

    [SkippableFact]
    public async Task Mouse_click_on_a_term_follows_the_link()
    {
        // Given the reader on a phone-width window used with a mouse, not a touch screen
        await using var context = await site.NewContextAsync(390, 800);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var term = page.Locator("a.term").First;
        var id = (await term.GetAttributeAsync("href"))!.Split('#')[1];

        // When the reader clicks the term
        await term.ClickAsync();

        // Then the link is followed to the glossary entry: only a tap opens a toggletip
        await page.WaitForAddressAsync(url => url.EndsWith($"glossary/index.html#{id}", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator($"div.glossary-entry[id='{id}']")).ToBeInViewportAsync();
    }

    [SkippableTheory]
    [MemberData(nameof(WidthsInBothColourSchemes))]
    public async Task Axe_finds_no_violations_with_a_toggletip_open(int width, string colourScheme)
    {
        // Given a phone in a colour scheme, with the toggletip of a term in a noted passage open
        await using var context = await PhoneAsync(width);
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = colourScheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await page.Locator("a.term:has(mark.note-mark)").First.TapAsync();
        await Assertions.Expect(page.Locator(Toggletip)).ToBeVisibleAsync();

        // When axe-core scans the page
        AxeResult result = await page.RunAxeForViolationsAsync();

        // Then no rule is violated
        Assert.True(
            result.Violations.Length == 0,
            $"reader at {width}px ({colourScheme}) with a toggletip open: axe-core found {result.Violations.Length} violation(s):{Environment.NewLine}{AxeReport.Describe(result.Violations)}");
    }

    [SkippableFact]
    public async Task Toggletip_is_not_printed()
    {
        // Given a term's toggletip open on a phone
        await using var context = await PhoneAsync(390);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var term = page.Locator("a.term").First;
        await term.TapAsync();
        await Assertions.Expect(page.Locator(Toggletip)).ToBeVisibleAsync();

        // When the page is laid out for paper
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        // Then neither toggletip nor tooltip is on the page, and the term is set as plain text
        await Assertions.Expect(page.Locator(Toggletip)).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".term-tips")).ToBeHiddenAsync();
        Assert.Equal("none", await term.EvaluateAsync<string>("term => getComputedStyle(term).textDecorationLine"));
        Assert.Matches(new Regex("^rgb\\(0, 0, 0\\)$"), await term.EvaluateAsync<string>("term => getComputedStyle(term).color"));
    }

    private Task<IBrowserContext> PhoneAsync(int width) =>
        site.NewContextAsync(width, 800, options =>
        {
            options.HasTouch = true;
            options.IsMobile = true;
        });
}

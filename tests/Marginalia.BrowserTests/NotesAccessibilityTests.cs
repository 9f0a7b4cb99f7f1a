using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Marginalia.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// The reader after its script has moved the notes: what axe-core and the console say about the states a page
/// from the server never shows before someone interacts (a sidenote unfolded, a note open under its paragraph).
/// </summary>
[Collection(BuiltSite.Accessibility)]
public sealed partial class NotesAccessibilityTests(SiteFixture site)
{

    public static TheoryData<int, string> WidthsInBothColourSchemes => new()
    {
        { 1400, "light" },
        { 1400, "dark" },
        { 390, "light" },
        { 390, "dark" },
    };

    public static TheoryData<string, int> OriginsAndWidths => new()
    {
        { "file", 1400 },
        { "file", 390 },
        { "http", 1400 },
        { "http", 390 },
    };

    [SkippableTheory]
    [MemberData(nameof(WidthsInBothColourSchemes))]
    public async Task Axe_finds_no_violations_with_a_note_open(int width, string colourScheme)
    {
        // Given the reader at a width, in a colour scheme
        await using var context = await site.NewContextAsync(width, 900);
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = colourScheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));

        // When a note is opened the way that width opens it: unfolded in the margin, or under its paragraph
        var marker = page.Locator("a.note-ref").First;
        var id = (await marker.GetAttributeAsync("href"))!["#note-".Length..];
        await marker.ClickAsync();
        await Assertions.Expect(page.Locator($"#note-{id} .note-sources")).ToBeVisibleAsync();
        if (width < 1024)
        {
            await Assertions.Expect(marker).ToHaveAttributeAsync("aria-expanded", "true");
        }

        // And axe-core scans the page with its default rules
        AxeResult result = await page.RunAxeForViolationsAsync();

        // Then no rule is violated
        Assert.True(
            result.Violations.Length == 0,
            $"reader at {width}px ({colourScheme}), note {id} open: axe-core found {result.Violations.Length} violation(s):{Environment.NewLine}{AxeReport.Describe(result.Violations)}");
    }

    [SkippableFact]
    public async Task Axe_finds_no_violations_with_notes_hidden()
    {
        // Given the reader on a wide window with the notes switched off
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await ReaderSettings.SetMarkAsync(page, ReaderSettings.Notes, shown: false);
        await Assertions.Expect(page.Locator("html.notes-hidden")).ToHaveCountAsync(1);

        // When axe-core scans it
        AxeResult result = await page.RunAxeForViolationsAsync();

        // Then no rule is violated
        Assert.True(result.Violations.Length == 0, $"axe-core found {result.Violations.Length} violation(s):{Environment.NewLine}{AxeReport.Describe(result.Violations)}");
    }

    [SkippableTheory]
    [MemberData(nameof(OriginsAndWidths))]
    public async Task Using_the_notes_logs_no_console_errors(string origin, int width)
    {
        // Given the reader, from disk or from the server, with everything that goes wrong on it recorded
        await using var context = await site.NewContextAsync(width, 900);
        var page = await context.NewPageAsync();
        var problems = PageProblems.RecordOn(page);
        await page.OpenAsync(origin == "file" ? site.FileUrlOf(SitePages.Reader) : site.Server.UrlOf(SitePages.Reader));

        // When the reader opens a note and closes it with Escape, hides and shows the notes, and the window is
        // resized across the wide breakpoint and back
        var marker = page.Locator("a.note-ref").First;
        await marker.ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await ReaderSettings.SetMarkAsync(page, ReaderSettings.Notes, shown: false);
        await ReaderSettings.SetMarkAsync(page, ReaderSettings.Notes, shown: true);
        await page.SetViewportSizeAsync(width < 1024 ? 1400 : 800, 900);
        await page.SetViewportSizeAsync(width, 900);
        await marker.ClickAsync();

        // Then nothing was logged as an error or thrown, and the script did run (the settings it reveals are shown)
        await Assertions.Expect(page.Locator(ReaderSettings.Button)).ToBeVisibleAsync();
        Assert.True(problems.All.Count == 0, $"{origin} at {width}px:{Environment.NewLine}{string.Join(Environment.NewLine, problems.All)}");
    }

    [SkippableFact]
    public async Task Notes_work_under_the_sites_content_security_policy()
    {
        // Given the reader served with the Content-Security-Policy netlify.toml gives the live site (no inline
        // script or style, not even a style attribute), and a listener for anything the policy blocks
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        var problems = PageProblems.RecordOn(page);
        await SiteCsp.ApplyAsync(page, site.RepositoryRoot);

        // When the page loads, lays its notes out, and a note is opened
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await page.Locator("a.note-ref").First.ClickAsync();

        // Then the policy blocked nothing, nothing failed, and the notes were moved and placed (placing them sets
        // each one's top through the CSSOM, which the policy allows)
        var blocked = await page.EvaluateAsync<string[]>("() => window.blocked");
        Assert.True(blocked.Length == 0, $"the policy blocked: {string.Join("; ", blocked)}");
        Assert.True(problems.All.Count == 0, string.Join(Environment.NewLine, problems.All));
        NotesGeometry.AssertSidenotesLaidOut(await NotesGeometry.MeasureAsync(page), 1400);
    }

    [SkippableTheory]
    [InlineData(320)]
    [InlineData(390)]
    public async Task Every_note_open_under_its_paragraph_still_fits_a_phone(int width)
    {
        // Given the reader on a phone
        await using var context = await site.NewContextAsync(width, 800);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));

        // When every note is opened under its paragraph (long source titles and lists included)
        var markers = page.Locator("a.note-ref");
        var count = await markers.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await markers.Nth(i).ClickAsync();
        }

        await Assertions.Expect(page.Locator("ol.note-inline > li.note")).ToHaveCountAsync(count);

        // Then the page is still no wider than the window
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"at {width}px with every note open the page scrolls sideways: scrollWidth {widths[0]} > clientWidth {widths[1]}");
    }
}

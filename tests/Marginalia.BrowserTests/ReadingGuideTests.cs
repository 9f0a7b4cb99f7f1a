using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Marginalia.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// The reading guide (reading-guide/index.html) in a browser: accessible in both colour schemes, its stylesheet loaded
/// under the site's Content-Security-Policy, its hints folded on screen and all open on paper, and its passages
/// leading into the essay. The page-wide checks (the Nu HTML checker, axe at the default width, loading from disk) take
/// it as one of <see cref="SitePages.AllPages"/>; this class checks what is the guide's own.
/// </summary>
[Collection(BuiltSite.Collection)]
public sealed class ReadingGuideTests(SiteFixture site)
{
    private const string Guide = "reading-guide/index.html";

    public static TheoryData<int, string> WidthsInBothColourSchemes => new()
    {
        { 1400, "light" },
        { 1400, "dark" },
        { 390, "light" },
        { 390, "dark" },
    };

    [SkippableTheory]
    [MemberData(nameof(WidthsInBothColourSchemes))]
    public async Task Axe_finds_no_violations_and_the_page_loads_without_problems(int width, string colourScheme)
    {
        // Given the guide served as the host serves it, with its Content-Security-Policy
        await using var context = await site.NewContextAsync(width, 900);
        var page = await context.NewPageAsync();
        var problems = PageProblems.RecordOn(page);
        await page.EmulateMediaAsync(new() { ColorScheme = colourScheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        await page.OpenAsync(site.Server.UrlOf(Guide));

        // When axe-core scans it
        AxeResult result = await page.RunAxeForViolationsAsync();

        // Then no rule is violated, nothing failed to load, and the questions' stylesheet was fetched
        Assert.True(result.Violations.Length == 0, $"{Guide} ({width}, {colourScheme}): {AxeReport.Describe(result.Violations)}");
        Assert.Empty(problems.All);
        Assert.Contains(problems.Loaded, url => url.AbsolutePath.Contains("/assets/questions.", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Hints_are_folded_on_screen_and_open_in_print_where_no_question_is_split_and_no_chrome_shows()
    {
        await using var context = await site.NewContextAsync(1024, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(Guide));
        // Folded content is laid out when asked (content-visibility: hidden), so what counts is whether it is rendered
        const string Shown = """
            () => [...document.querySelectorAll('.guide-hints-body')].filter(e => e.checkVisibility()).length
            """;
        var hints = await page.Locator(".guide-hints-body").CountAsync();

        // On screen, the hints are folded until their summary is pressed
        Assert.True(hints > 0);
        Assert.Equal(0, await page.EvaluateAsync<int>(Shown));
        await page.Locator(".guide-hints > summary").First.ClickAsync();
        Assert.Equal(1, await page.EvaluateAsync<int>(Shown));

        // In print, every hint shows, no question breaks across pages, the site's header and navigation are gone, and a byline prints no address
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.Equal(hints, await page.EvaluateAsync<int>(Shown));
        var printed = await page.EvaluateAsync<string[]>(
            """
            () => [
              getComputedStyle(document.querySelector('.site-header')).display,
              [...new Set([...document.querySelectorAll('.guide-question')].map(q => getComputedStyle(q).breakInside))].join(),
              getComputedStyle(document.querySelector('.guide-question > .note-meta:last-child a'), '::after').content,
            ]
            """);
        Assert.Equal(["none", "avoid", "none"], printed);
    }

    [SkippableFact]
    public async Task A_quoted_passage_opens_the_essay_at_that_passage()
    {
        // Given the guide from disk
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.FileUrlOf(Guide));
        var link = page.Locator(".guide-quote a").First;
        var quote = (await link.TextContentAsync())!;
        var href = (await link.GetAttributeAsync("href"))!;

        // When its first quotation is followed
        await link.ClickAsync();
        await page.WaitForAddressAsync(url => url.EndsWith(href["../".Length..], StringComparison.Ordinal));

        // Then the essay opens at the paragraph holding those words
        var text = await page.EvaluateAsync<string>("id => document.getElementById(id).textContent", href[(href.IndexOf('#') + 1)..]);
        Assert.Contains(quote[..20], text, StringComparison.Ordinal);
    }
}

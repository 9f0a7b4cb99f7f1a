using Marginalia.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// Resume reading (resume.js): the reader's place is kept in localStorage once they are past the first screen, and a
/// returning reader is offered it, quietly, with Continue and Dismiss; "Forget my place" clears it; a link to a
/// #fragment is never second-guessed.
/// </summary>
[Collection(BuiltSite.Collection)]
public sealed class ResumeReadingTests(SiteFixture site)
{
    private const string Key = "marginalia:position";

    /// <summary>The twelfth paragraph of the committed essay, well past the first screen at any width.</summary>
    private const string Paragraph = "p-during-recent-global-crises";

    private const string Offer = "Continue where you left off: ‘During recent global crises, AI’s connective potential became…’";

    [SkippableFact]
    public async Task Nothing_is_kept_on_the_first_screen_and_the_topmost_paragraph_in_view_is_kept_past_it()
    {
        // Given the reader at the top of the essay
        await using var context = await site.NewContextAsync(1440, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));

        // When the reader scrolls within the first screen
        await page.EvaluateAsync("() => window.scrollTo({ top: innerHeight / 2, behavior: 'instant' })");
        await page.WaitForTimeoutAsync(700);

        // Then nothing is kept
        Assert.Null(await page.EvaluateAsync<string?>($"() => localStorage.getItem('{Key}')"));

        // When the reader scrolls on until the twelfth paragraph is the topmost in view, 10 px into it
        await ScrollIntoAsync(page, Paragraph, 10);

        // Then its id is kept, with how far into it the window's top is and the essay's version
        var kept = await page.EvaluateAsync<string[]>(
            $$"""
            () => {
              const place = JSON.parse(localStorage.getItem('{{Key}}'));
              const height = document.getElementById('{{Paragraph}}').getBoundingClientRect().height;
              return [place.id, place.version, document.getElementById('essay').dataset.essayVersion, String(Math.abs(place.fraction - 10 / height) < 0.01)];
            }
            """);
        Assert.Equal(Paragraph, kept[0]);
        Assert.Matches("^[0-9a-f]{12}$", kept[1]);
        Assert.Equal(kept[2], kept[1]);
        Assert.Equal("True", kept[3], ignoreCase: true);
    }

    [SkippableFact]
    public async Task A_returning_reader_is_offered_their_place_and_Continue_takes_them_there()
    {
        // Given a reader who read to the twelfth paragraph
        await using var context = await site.NewContextAsync(1440, 900);
        await ReadToAsync(context, Paragraph);

        // When they come back to the reader
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));

        // Then the page is at its top, offering the place in a polite status, with focus left where it was
        var status = page.Locator("#essay .resume-text[role=status]");
        await Assertions.Expect(status).ToHaveTextAsync(Offer);
        Assert.Equal(0, await page.EvaluateAsync<double>("() => scrollY"));
        Assert.True(await page.FocusedMatchesAsync("body"), await page.DescribeFocusedAsync());

        // When they press Continue, by keyboard
        await NoteKindFilterTests.TabToAsync(page, "#essay .resume-actions button");
        Assert.Equal("Continue", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");

        // Then the paragraph is at the window's top, focused and lit, and the offer is gone
        Assert.True(await page.FocusedMatchesAsync($"#{Paragraph}"), await page.DescribeFocusedAsync());
        var box = await page.EvaluateAsync<double[]>($"() => {{ const r = document.getElementById('{Paragraph}').getBoundingClientRect(); return [r.top, r.bottom]; }}");
        Assert.InRange(box[0], -20, 0);
        Assert.True(box[1] > 0);
        await Assertions.Expect(page.Locator($"#{Paragraph}.resume-target")).ToHaveCountAsync(1);
        await Assertions.Expect(status).ToHaveTextAsync("");
        await Assertions.Expect(page.Locator("#essay .resume button")).ToHaveCountAsync(0);

        // And the light goes out after a moment
        await Assertions.Expect(page.Locator($"#{Paragraph}.resume-target")).ToHaveCountAsync(0, new() { Timeout = 5000 });
    }

    [SkippableFact]
    public async Task Dismiss_takes_the_offer_away_and_keeps_the_place()
    {
        // Given a returning reader offered their place
        await using var context = await site.NewContextAsync(390, 844);
        await ReadToAsync(context, Paragraph);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await Assertions.Expect(page.Locator("#essay .resume-text")).ToHaveTextAsync(Offer);

        // When they dismiss it
        await page.GetByRole(AriaRole.Button, new() { Name = "Dismiss", Exact = true }).ClickAsync();

        // Then the offer is gone, the page has not moved, and the place is still kept for another visit
        await Assertions.Expect(page.Locator("#essay .resume button")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#essay .resume-text")).ToHaveTextAsync("");
        Assert.Equal(0, await page.EvaluateAsync<double>("() => scrollY"));
        Assert.Contains(Paragraph, await page.EvaluateAsync<string>($"() => localStorage.getItem('{Key}')"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task No_offer_when_the_reader_follows_a_link_to_a_fragment_or_reloads()
    {
        // Given a reader with a kept place
        await using var context = await site.NewContextAsync(1440, 900);
        var reading = await ReadToAsync(context, Paragraph);

        // When they reload the page, which the browser puts back where it was
        await reading.ReloadAndSettleAsync();
        await reading.WaitForTimeoutAsync(300);

        // Then nothing is offered
        await Assertions.Expect(reading.Locator("#essay .resume button")).ToHaveCountAsync(0);

        // When they follow a link to a section
        var page = await context.NewPageAsync();
        await page.OpenAsync(new Uri(site.Server.UrlOf(SitePages.Reader), "#s-opening"));
        await page.WaitForTimeoutAsync(300);

        // Then nothing is offered either: the link said where to go
        await Assertions.Expect(page.Locator("#essay .resume button")).ToHaveCountAsync(0);
        Assert.Equal("", await page.Locator("#essay .resume-text").TextContentAsync());
    }

    [SkippableFact]
    public async Task A_place_kept_for_another_version_of_the_essay_is_not_offered()
    {
        // Given a place kept before the essay was corrected
        await using var context = await site.NewContextAsync(1440, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await page.EvaluateAsync($$"""() => localStorage.setItem('{{Key}}', JSON.stringify({ version: '000000000000', id: '{{Paragraph}}', fraction: 0 }))""");

        // When the reader comes back
        var again = await context.NewPageAsync();
        await again.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await again.WaitForTimeoutAsync(300);

        // Then nothing is offered
        await Assertions.Expect(again.Locator("#essay .resume button")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task Forget_my_place_clears_it()
    {
        // Given a returning reader offered their place
        await using var context = await site.NewContextAsync(1440, 900);
        await ReadToAsync(context, Paragraph);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await Assertions.Expect(page.Locator("#essay .resume-text")).ToHaveTextAsync(Offer);

        // When they press "Forget my place" in the settings
        await ReaderSettings.OpenAsync(page);
        await page.Locator(ReaderSettings.Panel).GetByRole(AriaRole.Button, new() { Name = "Forget my place", Exact = true }).ClickAsync();

        // Then the place is no longer kept, the offer is gone, and the panel says so
        Assert.Null(await page.EvaluateAsync<string?>($"() => localStorage.getItem('{Key}')"));
        await Assertions.Expect(page.Locator("#essay .resume button")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".resume-forgotten[role=status]")).ToHaveTextAsync("Forgotten.");

        // And another visit offers nothing
        var again = await context.NewPageAsync();
        await again.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await again.WaitForTimeoutAsync(300);
        await Assertions.Expect(again.Locator("#essay .resume button")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task Axe_finds_no_violations_with_the_offer_shown()
    {
        // Given a returning reader offered their place
        await using var context = await site.NewContextAsync(1440, 900);
        await ReadToAsync(context, Paragraph);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await Assertions.Expect(page.Locator("#essay .resume-text")).ToHaveTextAsync(Offer);

        // When axe-core scans the page
        var result = await page.RunAxeForViolationsAsync();

        // Then no rule is violated
        Assert.True(result.Violations.Length == 0, AxeReport.Describe(result.Violations));
    }

    /// <summary>Opens the reader in a new tab of the context and scrolls until the paragraph is at the top, kept.</summary>
    private async Task<IPage> ReadToAsync(IBrowserContext context, string paragraph)
    {
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await ScrollIntoAsync(page, paragraph, 10);
        return page;
    }

    /// <summary>Scrolls the window's top to <paramref name="pixels"/> into the paragraph and waits until the place is kept.</summary>
    private static async Task ScrollIntoAsync(IPage page, string paragraph, int pixels)
    {
        await page.EvaluateAsync(
            "([id, pixels]) => window.scrollTo({ top: document.getElementById(id).getBoundingClientRect().top + scrollY + pixels, behavior: 'instant' })",
            new object[] { paragraph, pixels });
        await page.WaitForFunctionAsync(
            "([key, id]) => (localStorage.getItem(key) || '').includes(id)", new object[] { Key, paragraph });
    }
}

using Marginalia.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// The site's search (marginalia.js starts it, search.js runs it over search/index.js and search/text.js): ranked
/// results for real queries on the committed input, from the web and from disk, loaded only when first used, by
/// keyboard, and what a result does on the reader.
/// </summary>
[Collection(BuiltSite.Collection)]
public sealed class SearchTests(SiteFixture site)
{
    [SkippableTheory]
    [InlineData("bhashini", "Initiative", "Bhashini")]
    [InlineData("multilateral", "Glossary", "multilateralism")]
    [InlineData("attache", "Glossary", "attachés")]
    [InlineData("flood", "Initiative", "Google Flood Forecasting Initiative and Flood Hub")]
    public async Task A_query_ranks_the_entry_about_it_first_from_the_web_and_from_disk(string query, string kind, string title)
    {
        foreach (var url in new[] { site.Server.UrlOf(SitePages.Reader), site.FileUrlOf(SitePages.Reader) })
        {
            // Given the reader, from the web or from disk
            await using var context = await site.NewContextAsync(1280, 900);
            var page = await context.NewPageAsync();
            var problems = PageProblems.RecordOn(page);
            await page.OpenAsync(url);

            // When a reader types the query in the header's box
            var results = await Search.TypeAsync(page, query);

            // Then the entry about it comes first, with the query's words marked in its snippet
            Assert.True(results.Count >= 2, $"{url.Scheme}: {query} found {results.Count} results");
            Assert.Equal((kind, title), (results[0].Kind, results[0].Title));
            Assert.Contains(results[0].Marked, word => Fold(word).StartsWith(query, StringComparison.Ordinal));
            Assert.True(problems.All.Count == 0, string.Join(Environment.NewLine, problems.All));
        }
    }

    [SkippableFact]
    public async Task Words_are_stemmed_and_folded_and_the_last_one_matches_as_typed()
    {
        await using var context = await site.NewContextAsync(1280, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));

        // "floods" and "flooding" find what "flood" finds (one stem), and so does "FLOOD" (case)
        var flood = Titles(await Search.TypeAsync(page, "flood "));
        Assert.Equal(flood, Titles(await Search.TypeAsync(page, "floods ")));
        Assert.Equal(flood, Titles(await Search.TypeAsync(page, "FLOOD ")));

        // "attaché" with its accent finds what "attache" without it finds
        Assert.Equal(Titles(await Search.TypeAsync(page, "attache ")), Titles(await Search.TypeAsync(page, "attaché ")));

        // A word being typed finds the words it begins: "multilat" finds what "multilateral" finds, and more
        var whole = Titles(await Search.TypeAsync(page, "multilateral "));
        var typing = Titles(await Search.TypeAsync(page, "multilat"));
        Assert.Subset(typing.ToHashSet(), whole.ToHashSet());

        // Two words find the entries that have both, fewer than either alone
        var both = await Search.TypeAsync(page, "flood forecasting ");
        Assert.True(both.Count > 0 && both.Count <= flood.Length, $"flood: {flood.Length}, flood forecasting: {both.Count}");
    }

    [SkippableFact]
    public async Task The_search_loads_only_when_first_used()
    {
        // Given the reader, loaded and idle
        await using var context = await site.NewContextAsync(1280, 900);
        var page = await context.NewPageAsync();
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(new Uri(request.Url).AbsolutePath);
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await page.WaitForTimeoutAsync(300);

        // Then none of the search's files was loaded
        Assert.DoesNotContain(requested, path => path.Contains("/search", StringComparison.Ordinal));

        // When the reader focuses the box, its code, index and text come
        await page.FocusAsync("#site-search-q");
        await page.WaitForFunctionAsync("() => window.Marginalia.search !== undefined");
        await Search.TypeAsync(page, "bhashini");
        Assert.Contains("/search/index.js", requested);
        Assert.Contains("/search/text.js", requested);
        Assert.Contains(requested, path => path.StartsWith("/assets/search.", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Slash_arrows_Enter_and_Escape_work_the_search_from_the_keyboard()
    {
        // Given the reader with focus in the page
        await using var context = await site.NewContextAsync(1280, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));

        // When the reader presses "/", then types
        await page.Keyboard.PressAsync("/");
        Assert.True(await page.FocusedMatchesAsync("#site-search-q"), await page.DescribeFocusedAsync());
        await page.Keyboard.TypeAsync("flood");
        await page.WaitForFunctionAsync("() => /\\d+ results?/.test(document.getElementById('site-search-status').textContent)");

        // Then the count is in a live region, and Down goes into the results one by one, Up back to the box
        Assert.Equal("status", await page.GetAttributeAsync("#site-search-status", "role"));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.True(await page.FocusedMatchesAsync(".search-results li:nth-child(1) a"), await page.DescribeFocusedAsync());
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.True(await page.FocusedMatchesAsync(".search-results li:nth-child(2) a"), await page.DescribeFocusedAsync());
        await page.Keyboard.PressAsync("ArrowUp");
        await page.Keyboard.PressAsync("ArrowUp");
        Assert.True(await page.FocusedMatchesAsync("#site-search-q"), await page.DescribeFocusedAsync());

        // When Escape is pressed, the results close and the reader stays in the box
        await page.Keyboard.PressAsync("Escape");
        Assert.True(await page.Locator(".search-panel").IsHiddenAsync());
        Assert.True(await page.FocusedMatchesAsync("#site-search-q"), await page.DescribeFocusedAsync());

        // When the reader goes down to a result of the essay and presses Enter
        var found = await Search.TypeAsync(page, "multilateral summits");
        var paragraph = found.ToList().FindIndex(r => r.Target?.StartsWith("p-", StringComparison.Ordinal) == true);
        Assert.InRange(paragraph, 0, 4);
        for (var i = 0; i <= paragraph; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        var target = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('data-target')");
        await page.Keyboard.PressAsync("Enter");

        // Then that paragraph is in view, highlighted, focused and named in the address
        await AssertShownAsync(page, target);
        Assert.EndsWith("#" + target, page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator(".search-panel").IsHiddenAsync());
    }

    [SkippableTheory]
    [InlineData(1440)]
    [InlineData(390)]
    public async Task A_note_found_on_the_reader_opens_where_the_layout_shows_notes(int width)
    {
        // Given the reader at a width with sidenotes (1440) or notes that open in the text (390)
        await using var context = await site.NewContextAsync(width, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));

        // When a note is found and chosen
        await Search.TypeAsync(page, "export controls");
        var link = page.Locator(".search-results a[data-target^='note-']").First;
        var target = await link.GetAttributeAsync("data-target");
        await link.ClickAsync();

        // Then the note is open (unfolded in the margin, or in the text under its paragraph), in view and highlighted
        await AssertShownAsync(page, target!);
        var state = await page.EvaluateAsync<string>(
            "id => { const li = document.getElementById(id); return li.classList.contains('note--folded') ? 'folded' : li.closest('.note-list') ? 'endnotes' : 'open'; }",
            target);
        Assert.Equal("open", state);
    }

    [SkippableFact]
    public async Task The_search_page_searches_its_address_and_says_without_script_that_it_needs_it()
    {
        // Given the search page with a query in its address
        await using var context = await site.NewContextAsync(1280, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(new Uri(site.Server.UrlOf(SitePages.Search) + "?q=bhashini"));
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#search-page-results a.search-result').length > 0");

        // Then its results are the header's, in the page, with their count read out
        Assert.Equal("bhashini", await page.InputValueAsync("#search-page-q"));
        Assert.Equal("Bhashini", await page.Locator("#search-page-results .search-title").First.TextContentAsync());
        Assert.Matches(@"^\d+ results\.$", await page.Locator("#search-page-status").TextContentAsync() ?? string.Empty);

        // And Enter in the header's box on another page leads here with the query
        await page.OpenAsync(site.Server.UrlOf(SitePages.Glossary));
        await page.FocusAsync("#site-search-q");
        await page.Keyboard.TypeAsync("flood");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForAddressAsync(url => url.Contains("search/index.html?q=flood", StringComparison.Ordinal));
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#search-page-results a.search-result').length > 0");

        // Given a browser without JavaScript
        await using var noScript = await site.NewContextAsync(1280, 900, options => options.JavaScriptEnabled = false);
        var plain = await noScript.NewPageAsync();
        await plain.OpenAsync(site.Server.UrlOf(SitePages.Search));

        // Then the page says so and leads to the pages that list what search would find
        var notice = plain.Locator(".search-noscript");
        Assert.True(await notice.IsVisibleAsync());
        Assert.StartsWith("Search needs JavaScript", await notice.TextContentAsync(), StringComparison.Ordinal);
        foreach (var path in new[] { "../notes/index.html", "../glossary/index.html", "../initiatives/index.html" })
        {
            Assert.Equal(1, await notice.Locator($"a[href='{path}']").CountAsync());
        }
    }

    [SkippableFact]
    public async Task The_single_file_edition_searches_with_everything_inlined()
    {
        // Given the single-file edition opened from disk, where nothing can be loaded later
        await using var context = await site.NewContextAsync(1280, 900);
        var page = await context.NewPageAsync();
        var problems = PageProblems.RecordOn(page);
        await page.OpenAsync(site.FileUrlOf(SitePages.SingleFile));

        // When the reader searches
        var results = await Search.TypeAsync(page, "bhashini");

        // Then it finds what the site finds, and loaded no file to do it
        Assert.Equal(("Initiative", "Bhashini"), (results[0].Kind, results[0].Title));
        Assert.DoesNotContain(problems.Loaded, url => url.AbsolutePath.Contains("search", StringComparison.Ordinal));
        Assert.True(problems.All.Count == 0, string.Join(Environment.NewLine, problems.All));
    }

    [SkippableTheory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_open_results_pass_axe(string scheme)
    {
        await using var context = await site.NewContextAsync(1280, 900);
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await Search.TypeAsync(page, "flood");
        await page.Keyboard.PressAsync("ArrowDown");

        var result = await page.RunAxeForViolationsAsync();

        Assert.True(result.Violations.Length == 0, AxeReport.Describe(result.Violations));
    }

    private static async Task AssertShownAsync(IPage page, string id)
    {
        var shown = await page.EvaluateAsync<bool[]>(
            """
            id => {
              const element = document.getElementById(id);
              const box = element.getBoundingClientRect();
              return [element.classList.contains('search-hit'), box.bottom > 0 && box.top < innerHeight, document.activeElement === element];
            }
            """,
            id);
        Assert.Equal([true, true, true], shown);
    }

    private static string[] Titles(IReadOnlyList<Search.Result> results) => [.. results.Select(r => r.Title)];

    private static string Fold(string word) =>
        new string(word.Normalize(System.Text.NormalizationForm.FormD).Where(c => char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray()).ToLowerInvariant();
}

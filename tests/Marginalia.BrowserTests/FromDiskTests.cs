using Marginalia.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>A reader who saved the site opens it from disk (file://) and uses all of it by clicking, as on the web.</summary>
[Collection(BuiltSite.Collection)]
public sealed class FromDiskTests(SiteFixture site)
{
    [SkippableFact]
    public async Task Every_page_is_reached_by_clicking_from_the_reader_and_each_loads_cleanly()
    {
        // Given the reader opened from disk
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = PageProblems.RecordOn(page);
        await page.OpenAsync(site.FileUrlOf(SitePages.Reader));
        var reached = new SortedSet<string>(StringComparer.Ordinal) { SitePages.Reader };

        // When every link of the site's header and footer is clicked, every initiative from the initiatives page, and a search is made
        foreach (var link in new[] { ".site-nav a", ".site-footer a[href$='index.html']" })
        {
            var count = await page.Locator(link).CountAsync();
            for (var i = 0; i < count; i++)
            {
                await page.OpenAsync(site.FileUrlOf(SitePages.Reader));
                await page.Locator(link).Nth(i).ClickAsync();
                reached.Add(await ArriveAsync(page));
            }
        }

        const string initiative = "main a[href^='../initiatives/'][href$='/index.html']:not([href='../initiatives/index.html'])";
        await page.OpenAsync(site.FileUrlOf(SitePages.Reader));
        await page.Locator(".site-nav a[href$='initiatives/index.html']").ClickAsync();
        await ArriveAsync(page);
        var initiativeCount = await page.Locator(initiative).CountAsync();
        for (var i = 0; i < initiativeCount; i++)
        {
            await page.OpenAsync(site.FileUrlOf(SitePages.Initiatives));
            await page.Locator(initiative).Nth(i).ClickAsync();
            reached.Add(await ArriveAsync(page));
        }

        // And the search page, which the header's search box leads to when Enter is pressed in it
        await page.OpenAsync(site.FileUrlOf(SitePages.Reader));
        await page.FocusAsync("#site-search-q");
        await page.Keyboard.TypeAsync("flood");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForAddressAsync(url => url.Contains("/search/index.html?q=flood", StringComparison.Ordinal));
        reached.Add(await ArriveAsync(page));

        // Then every page of the site was reached from disk, and none showed a problem
        Assert.Equal(new SortedSet<string>(SitePages.PagesFromDisk, StringComparer.Ordinal), reached);
        Assert.True(problems.All.Count == 0, string.Join(Environment.NewLine, problems.All));
    }

    [SkippableFact]
    public async Task From_disk_the_readers_notes_tooltips_and_cards_work()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = PageProblems.RecordOn(page);

        await page.OpenAsync(site.FileUrlOf(SitePages.Reader));

        await ReaderFeatures.AssertNotesTipsAndCardsWorkAsync(page);
        Assert.True(problems.All.Count == 0, string.Join(Environment.NewLine, problems.All));
    }

    /// <summary>The site page the browser is on now, checked to be a page from disk with its heading shown.</summary>
    private async Task<string> ArriveAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        var url = new Uri(page.Url);
        Assert.Equal("file", url.Scheme);
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        return Path.GetRelativePath(site.SiteFolder, url.LocalPath).Replace('\\', '/');
    }
}

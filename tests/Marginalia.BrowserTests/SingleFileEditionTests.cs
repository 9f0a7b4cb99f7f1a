using Marginalia.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>The single-file edition works anywhere, such as a file sent by email and opened with no network.</summary>
[Collection(BuiltSite.OtherPrograms)]
public sealed class SingleFileEditionTests(SiteFixture site)
{
    [SkippableFact]
    public async Task Opened_with_the_network_blocked_its_notes_and_tooltips_work_and_nothing_is_requested()
    {
        // Given the file opened from disk with every request but the file itself refused and recorded
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var file = site.FileUrlOf(SitePages.SingleFile);
        var requests = new List<string>();
        await page.RouteAsync("**/*", async route =>
        {
            lock (requests)
            {
                requests.Add(route.Request.Url);
            }

            if (route.Request.Url == file.AbsoluteUri)
            {
                await route.ContinueAsync();
            }
            else
            {
                await route.AbortAsync();
            }
        });
        var problems = PageProblems.RecordOn(page);

        // When it loads
        await page.OpenAsync(file);

        // Then no request left the file, its notes are set in the margin and a term's tooltip opens
        Assert.Equal([file.AbsoluteUri], requests.Distinct());
        Assert.True(problems.All.Count == 0, string.Join(Environment.NewLine, problems.All));
        var notes = await page.Locator(".note-list > li.note, .sidenotes > li.note, .sidenotes > .note").CountAsync();
        Assert.True(notes > 30, $"only {notes} notes are in the page");
        await ReaderFeatures.AssertNotesTipsAndCardsWorkAsync(page);
    }
}

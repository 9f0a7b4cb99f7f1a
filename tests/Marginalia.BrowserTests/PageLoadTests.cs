using Marginalia.BrowserTests.Infrastructure;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

[Collection(BuiltSite.EveryPage)]
public sealed partial class PageLoadTests(SiteFixture site)
{
    // Chromium reports a document's own error status as a console error, at the document's URL; the 404 test
    // expects that status, so this one message, at that URL only, is forgiven there.
    private const string DocumentStatusConsoleError = "console error: Failed to load resource: the server responded with a status of 404 (Not Found)";

    [SkippableTheory]
    [MemberData(nameof(SitePages.OpenableFromDisk), MemberType = typeof(SitePages))]
    public async Task Page_opened_from_disk_loads_its_assets_without_errors(string pagePath)
    {
        // Given a page opened straight from the built folder, as a reader who saved the site would
        // (404.html is not here: its links are root-relative so Netlify can serve it at any depth, and from
        // file:// they point at the file system's root, which has no assets/)
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = PageProblems.RecordOn(page);

        // When it loads
        await page.OpenAsync(site.FileUrlOf(pagePath));

        // Then nothing failed and the theme's stylesheet was loaded
        Assert.True(problems.All.Count == 0, $"{pagePath} from disk:{Environment.NewLine}{string.Join(Environment.NewLine, problems.All)}");
        await AssertStylesheetLoadedAsync(page, problems, pagePath);
        Assert.Equal(1, await page.Locator("h1").CountAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(SitePages.All), MemberType = typeof(SitePages))]
    public async Task Page_served_over_http_loads_its_assets_without_errors(string pagePath)
    {
        // Given the site served from its root, as the host serves it
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = PageProblems.RecordOn(page);

        // When a page is requested by its own name
        var response = await page.OpenAsync(site.Server.UrlOf(pagePath));

        // Then it answers 200 and nothing on it failed
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.True(problems.All.Count == 0, $"{pagePath} over http:{Environment.NewLine}{string.Join(Environment.NewLine, problems.All)}");
        await AssertStylesheetLoadedAsync(page, problems, pagePath);
        Assert.Equal(1, await page.Locator("h1").CountAsync());
    }

    [SkippableFact]
    public async Task Unknown_path_answers_404_with_the_not_found_page_and_its_assets()
    {
        // Given a path two folders deep that the site does not have, so root-relative asset links are what
        // make the page work there
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = PageProblems.RecordOn(page);

        // When a reader follows a broken link to it
        var url = site.Server.UrlOf("no/such/page.html");
        var response = await page.OpenAsync(url);

        // Then the status says 404, the page says so too, and its stylesheet and icon still load
        Assert.NotNull(response);
        Assert.Equal(404, response.Status);
        var heading = page.Locator("h1");
        Assert.True(await heading.IsVisibleAsync(), "the 404 page's h1 is not visible");
        Assert.Equal("Page not found", (await heading.InnerTextAsync()).Trim());
        var documentStatus = $"{DocumentStatusConsoleError} (at {url.AbsoluteUri}:";
        var unexpected = problems.All.Where(problem => !problem.StartsWith(documentStatus, StringComparison.Ordinal)).ToList();
        Assert.True(unexpected.Count == 0, string.Join(Environment.NewLine, unexpected));
        await AssertStylesheetLoadedAsync(page, problems, "no/such/page.html");
    }

    /// <summary>
    /// The page links the theme's fingerprinted stylesheet (site.css, or on the reader the bundle that begins with it)
    /// and the browser fetched exactly that file. Reading the
    /// sheet's rules back would be more direct, but a page from file:// is an opaque origin and may not.
    /// </summary>
    private static async Task AssertStylesheetLoadedAsync(IPage page, PageProblems traffic, string pagePath)
    {
        var linked = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('link[rel=stylesheet]')].map(link => link.href)");
        var theme = Assert.Single(linked, href => StylesheetName().IsMatch(href));
        Assert.True(
            traffic.Loaded.Contains(new Uri(theme)),
            $"{pagePath}: {theme} is linked but was never loaded; loaded: {string.Join(", ", traffic.Loaded)}");
    }

    [GeneratedRegex(@"/assets/(site|reader\.bundle)\.[0-9a-f]+\.css$")]
    private static partial Regex StylesheetName();
}

using Marginalia.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// The site read offline: the service worker caches every file, serves the site when the server is gone, and a new
/// build replaces the old cache. Each test runs its own servers over its own builds (<see cref="OfflineBuilds"/>)
/// and stops them to take the network away: Playwright's offline switch does not cover a service worker's own
/// requests, and a stopped server is what a reader on a train meets. The browser is the collection's.
/// </summary>
[Collection(BuiltSite.OtherPrograms)]
public sealed class OfflineTests(SiteFixture site, OfflineBuilds builds) : IClassFixture<OfflineBuilds>
{
    private const string AvailableOffline = "Available offline";

    // Installing means fetching every file of the site; on a loaded CI machine that is seconds, not a moment.
    private const float InstallTimeout = 30_000;

    [SkippableFact]
    public async Task Once_cached_the_site_reads_with_the_server_gone()
    {
        Tools.RequireChromium();

        // Given a reader who opened the site and waited until the footer said it is available offline
        var server = await StaticSiteServer.StartAsync(builds.First, headers: builds.HostHeaders);
        await using var stopServer = server;
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = PageProblems.RecordOn(page);
        await page.OpenAsync(server.UrlOf(SitePages.Reader));
        await WaitUntilAvailableOfflineAsync(page);
        Assert.True(await page.Locator(".offline-status").IsVisibleAsync(), "the offline status is not shown");
        Assert.Equal("status", await page.Locator(".offline-status").GetAttributeAsync("role"));
        Assert.Single(await CacheNamesAsync(page));

        // When the server goes away
        await server.DisposeAsync();
        await Assert.ThrowsAnyAsync<PlaywrightException>(() => context.APIRequest.GetAsync(server.UrlOf(SitePages.Reader).AbsoluteUri));

        // Then the page reloads, and two other pages open, all from the worker's cache, with nothing failing
        await page.ReloadAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(await page.Locator(".essay-body p").CountAsync() > 10, "the essay's paragraphs are not there offline");
        await AssertOfflinePageAsync(page, server.UrlOf(SitePages.Reader), SitePages.Reader, isReload: true);
        foreach (var other in new[] { SitePages.Notes, SitePages.Glossary })
        {
            await AssertOfflinePageAsync(page, server.UrlOf(other), other, isReload: false);
        }

        // And the search, which loads its code and index on first use, loads them from the cache
        var results = await Search.TypeAsync(page, "bhashini");
        Assert.Equal(("Initiative", "Bhashini"), (results[0].Kind, results[0].Title));

        Assert.True(problems.All.Count == 0, string.Join(Environment.NewLine, problems.All));
    }

    [SkippableFact]
    public async Task A_new_build_at_the_same_address_replaces_the_cached_one()
    {
        Tools.RequireChromium();

        // Given the site cached from its first build
        var first = await StaticSiteServer.StartAsync(builds.First, headers: builds.HostHeaders);
        await using var stopFirst = first;
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = PageProblems.RecordOn(page);
        await page.OpenAsync(first.UrlOf(SitePages.Reader));
        await WaitUntilAvailableOfflineAsync(page);
        var oldName = CacheName(first, OfflineBuilds.VersionOf(builds.First));
        Assert.Equal([oldName], await CacheNamesAsync(page));
        Assert.False(await PageHasTextAsync(page, OfflineBuilds.ChangedNoteText));

        // When the next deploy, with a changed note, is served at the same address and the reader reloads
        await first.DisposeAsync();
        var second = await StaticSiteServer.StartAsync(builds.Second, port: first.Port, headers: builds.HostHeaders);
        await using var stopSecond = second;
        Assert.Equal(first.Address, second.Address);
        await page.ReloadAsync();

        // Then the new note shows, the new worker takes over, and only the new build's cache is left
        await page.WaitForFunctionAsync("text => document.body.textContent.includes(text)", OfflineBuilds.ChangedNoteText);
        var newName = CacheName(second, OfflineBuilds.VersionOf(builds.Second));
        Assert.NotEqual(oldName, newName);
        await WaitForCachesAsync(page, [newName]);

        // And that cache holds the new note: with the server gone again, the reloaded page still shows it
        await second.DisposeAsync();
        await page.ReloadAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(await PageHasTextAsync(page, OfflineBuilds.ChangedNoteText), "offline, the page shows the old note");
        Assert.True(problems.All.Count == 0, string.Join(Environment.NewLine, problems.All));
    }

    [SkippableFact]
    public async Task Opened_from_disk_no_worker_is_registered_and_nothing_fails()
    {
        Tools.RequireChromium();

        // Given a page opened from the built folder, with registration attempts counted
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = PageProblems.RecordOn(page);
        await page.AddInitScriptAsync(
            """
            window.registrations = 0;
            if (window.ServiceWorkerContainer) {
              const register = ServiceWorkerContainer.prototype.register;
              ServiceWorkerContainer.prototype.register = function (...args) {
                window.registrations++;
                return register.apply(this, args);
              };
            }
            """);

        // When it has loaded
        await page.OpenAsync(new Uri(Path.Combine(builds.First, SitePages.Reader)));

        // Then no registration was attempted, the offline line stays hidden, and the console is clean
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.registrations"));
        Assert.True(await page.Locator(".offline-status").IsHiddenAsync(), "the offline status shows on a page from disk");
        Assert.DoesNotContain(problems.Loaded, url => url.AbsolutePath.EndsWith("/sw.js", StringComparison.Ordinal));
        Assert.True(problems.All.Count == 0, string.Join(Environment.NewLine, problems.All));
    }

    /// <summary>The worker's cache name for a build served at a server's root: scoped, so two sites on one origin keep theirs.</summary>
    private static string CacheName(StaticSiteServer server, string version) => $"marginalia {server.Address.AbsoluteUri} {version}";

    /// <summary>Waits until the page is controlled by the worker and the footer says every file is cached.</summary>
    internal static async Task WaitUntilAvailableOfflineAsync(IPage page) =>
        await page.WaitForFunctionAsync(
            "text => navigator.serviceWorker.controller !== null && document.querySelector('.offline-status')?.textContent === text",
            AvailableOffline,
            new PageWaitForFunctionOptions { Timeout = InstallTimeout, PollingInterval = 100 });

    /// <summary>
    /// Waits until the origin's caches are exactly <paramref name="expected"/>, asking again every 100 ms: waitForFunction
    /// cannot wait on caches.keys(), which answers with a promise (and a promise counts as true).
    /// </summary>
    private static async Task WaitForCachesAsync(IPage page, IReadOnlyList<string> expected)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(InstallTimeout);
        IReadOnlyList<string> names;
        while (!(names = await CacheNamesAsync(page)).SequenceEqual(expected, StringComparer.Ordinal))
        {
            if (DateTime.UtcNow >= deadline)
            {
                var workers = await page.EvaluateAsync<string>(
                    "() => navigator.serviceWorker.getRegistration().then(r => r ? ['installing', 'waiting', 'active'].map(k => `${k}: ${r[k]?.state ?? '-'}`).join(', ') : 'no registration')");
                Assert.Fail($"after {InstallTimeout / 1000} s the caches are [{string.Join(", ", names)}], not [{string.Join(", ", expected)}]; workers: {workers}");
            }

            await Task.Delay(100);
        }
    }

    private static async Task<IReadOnlyList<string>> CacheNamesAsync(IPage page) => await page.EvaluateAsync<string[]>("() => caches.keys()");

    private static Task<bool> PageHasTextAsync(IPage page, string text) =>
        page.EvaluateAsync<bool>("text => document.body.textContent.includes(text)", text);

    private static async Task AssertOfflinePageAsync(IPage page, Uri url, string pagePath, bool isReload)
    {
        if (!isReload)
        {
            var response = await page.GotoAsync(url.AbsoluteUri);
            Assert.NotNull(response);
            Assert.True(response.FromServiceWorker, $"{pagePath} offline: not answered by the service worker");
            Assert.Equal(200, response.Status);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        var heading = page.Locator("h1");
        Assert.True(await heading.IsVisibleAsync(), $"{pagePath} offline: no visible h1");
        Assert.NotEmpty((await heading.InnerTextAsync()).Trim());
        Assert.True(
            await page.EvaluateAsync<bool>("() => [...document.styleSheets].some(sheet => /\\/assets\\/(site|reader\\.bundle)\\.[0-9a-f]+\\.css$/.test(sheet.href ?? '') && sheet.cssRules.length > 0)"),
            $"{pagePath} offline: the theme's stylesheet is not applied");
    }
}

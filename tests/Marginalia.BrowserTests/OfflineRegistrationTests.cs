using Marginalia.BrowserTests.Infrastructure;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// When offline.js registers the service worker: after the page's load, in a moment the browser has free, so that the
/// worker's install (every file of the site fetched and cached) does not share the reader's first screen. Each call to
/// register() is recorded with what the page was doing then.
/// </summary>
[Collection(BuiltSite.OtherPrograms)]
public sealed class OfflineRegistrationTests(SiteFixture site, OfflineBuilds builds) : IClassFixture<OfflineBuilds>
{
    // Records, for each register() call: had the load event ended, and was it called from an idle callback.
    private const string RecordRegistrations =
        """
        window.registrations = [];
        let idle = false;
        if (window.requestIdleCallback) {
          const request = window.requestIdleCallback;
          window.requestIdleCallback = (callback, options) => request((deadline) => {
            idle = true;
            try { return callback(deadline); } finally { idle = false; }
          }, options);
        }
        const register = ServiceWorkerContainer.prototype.register;
        ServiceWorkerContainer.prototype.register = function (...args) {
          const navigation = performance.getEntriesByType('navigation')[0];
          window.registrations.push({ loaded: navigation.loadEventEnd > 0, idle });
          return register.apply(this, args);
        };
        """;

    [SkippableFact]
    public async Task The_worker_is_registered_once_after_the_load_in_an_idle_moment()
    {
        Tools.RequireChromium();

        // Given the reader served over http, with register() calls recorded
        var server = await StaticSiteServer.StartAsync(builds.First, headers: builds.HostHeaders);
        await using var stopServer = server;
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.AddInitScriptAsync(RecordRegistrations);

        // When it opens and the worker finishes installing
        await page.OpenAsync(server.UrlOf(SitePages.Reader));
        await OfflineTests.WaitUntilAvailableOfflineAsync(page);

        // Then register() was called once, after the load event had ended, from an idle callback
        var calls = await page.EvaluateAsync<bool[][]>("() => window.registrations.map(r => [r.loaded, r.idle])");
        Assert.Single(calls);
        Assert.Equal([true, true], calls[0]);
    }

    [SkippableFact]
    public async Task Without_idle_callbacks_the_worker_is_registered_after_the_load()
    {
        Tools.RequireChromium();

        // Given a browser without requestIdleCallback (Safari), register() calls recorded
        var server = await StaticSiteServer.StartAsync(builds.First, headers: builds.HostHeaders);
        await using var stopServer = server;
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = PageProblems.RecordOn(page);
        await page.AddInitScriptAsync("delete window.requestIdleCallback;");
        await page.AddInitScriptAsync(RecordRegistrations);

        // When it opens and the worker finishes installing
        await page.OpenAsync(server.UrlOf(SitePages.Reader));
        await OfflineTests.WaitUntilAvailableOfflineAsync(page);

        // Then register() was called once, after the load event had ended, and nothing failed
        var calls = await page.EvaluateAsync<bool[][]>("() => window.registrations.map(r => [r.loaded, r.idle])");
        Assert.Single(calls);
        Assert.Equal([true, false], calls[0]);
        Assert.True(problems.All.Count == 0, string.Join(Environment.NewLine, problems.All));
    }
}

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
        // When it opens and the worker finishes installing
        var (calls, problems) = await OpenUntilInstalledAsync(setUp: null);

        // Then register() was called once, after the load event had ended, from an idle callback, and nothing failed
        Assert.Equal([true, true], Assert.Single(calls));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [SkippableFact]
    public async Task Without_idle_callbacks_the_worker_is_registered_after_the_load()
    {
        Tools.RequireChromium();

        // Given a browser without requestIdleCallback (Safari), register() calls recorded
        // When the reader opens over http and the worker finishes installing
        var (calls, problems) = await OpenUntilInstalledAsync(setUp: "delete window.requestIdleCallback;");

        // Then register() was called once, after the load event had ended, and nothing failed
        Assert.Equal([true, false], Assert.Single(calls));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>
    /// Opens the reader over http with register() calls recorded (after <paramref name="setUp"/>, run first on the
    /// page), waits until the footer says the site is available offline, and gives each call as [loaded, idle] with the
    /// page's problems.
    /// </summary>
    private async Task<(bool[][] Calls, IReadOnlyList<string> Problems)> OpenUntilInstalledAsync(string? setUp)
    {
        var server = await StaticSiteServer.StartAsync(builds.First, headers: builds.HostHeaders);
        await using var stopServer = server;
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = PageProblems.RecordOn(page);
        if (setUp is not null)
        {
            await page.AddInitScriptAsync(setUp);
        }

        await page.AddInitScriptAsync(RecordRegistrations);
        await page.OpenAsync(server.UrlOf(SitePages.Reader));
        await OfflineTests.WaitUntilAvailableOfflineAsync(page);
        var calls = await page.EvaluateAsync<bool[][]>("() => window.registrations.map(r => [r.loaded, r.idle])");
        return (calls, problems.All.ToList());
    }
}

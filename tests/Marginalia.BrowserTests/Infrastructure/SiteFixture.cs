using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests.Infrastructure;

/// <summary>
/// What a browser test is given: the built site, its server and a browser to open it in. Every collection's fixture
/// shares one <see cref="SharedSite"/> (one build, one server, one Chromium), so splitting the tests into collections
/// that run in parallel costs nothing more to set up. Each test opens its own browser context, so no cookies,
/// storage or viewport leak between tests, in one collection or across them.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    private SharedSite? _shared;

    public string RepositoryRoot => Shared.RepositoryRoot;

    /// <summary>The built site: index.html, about/index.html, 404.html and assets/.</summary>
    public string SiteFolder => Shared.SiteFolder;

    public StaticSiteServer Server => Shared.Server;

    private SharedSite Shared => _shared ?? throw new InvalidOperationException("The site has not been built.");

    public async Task InitializeAsync() => _shared = await SharedSite.AcquireAsync();

    /// <summary>A fresh, isolated context on the shared browser; skips or fails the calling test when there is no Chromium.</summary>
    /// <param name="configure">Changes to the defaults a test needs: a touch screen, JavaScript off.</param>
    public Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900, Action<BrowserNewContextOptions>? configure = null) =>
        Shared.NewContextAsync(width, height, configure);

    public Uri FileUrlOf(string pagePath) => new(Path.Combine(SiteFolder, pagePath));

    public async Task DisposeAsync()
    {
        if (_shared is not null)
        {
            await SharedSite.ReleaseAsync();
            _shared = null;
        }
    }
}

/// <summary>
/// The collections browser tests run in. xunit runs the tests of one collection one after another and different
/// collections in parallel, so a browser test waiting on a page (a hover delay, a service worker installing, the
/// Nu checker's JVM) lets another collection's test use the CPU. Every collection gets the same <see cref="SiteFixture"/>.
/// A new test class joins <see cref="Collection"/> unless it is slow enough to balance the others.
/// </summary>
[CollectionDefinition(Collection)]
public sealed class BuiltSite : ICollectionFixture<SiteFixture>
{
    public const string Collection = "Built site";
}

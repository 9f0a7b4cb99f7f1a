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
/// collections in parallel, so while one test waits on a page (a hover delay, a service worker installing, the Nu
/// checker's JVM) another collection's test has the CPU. Every collection gets the same <see cref="SiteFixture"/>,
/// and so the same build and browser. A new test class joins <see cref="Collection"/>; the others split the slow
/// classes so the collections take about as long as each other.
/// </summary>
[CollectionDefinition(Collection)]
public sealed class BuiltSite : ICollectionFixture<SiteFixture>
{
    public const string Collection = "Built site";

    /// <summary>axe-core scans: every page in both colour schemes, and the notes' accessible names.</summary>
    public const string Accessibility = "Built site: accessibility";

    /// <summary>Every page loaded whole: from disk, over http, at phone widths, with hostile contributions.</summary>
    public const string EveryPage = "Built site: every page";

    /// <summary>Glossary tooltips, toggletips and page, with their hover delays.</summary>
    public const string Glossary = "Built site: glossary";

    /// <summary>Initiative cards and pages, with their hover delays.</summary>
    public const string Initiatives = "Built site: initiatives";

    /// <summary>Tests that mostly wait on another program: the service worker, the Nu checker, the preview server.</summary>
    public const string OtherPrograms = "Built site: other programs";
}

[CollectionDefinition(BuiltSite.Accessibility)]
public sealed class BuiltSiteAccessibility : ICollectionFixture<SiteFixture>;

[CollectionDefinition(BuiltSite.EveryPage)]
public sealed class BuiltSiteEveryPage : ICollectionFixture<SiteFixture>;

[CollectionDefinition(BuiltSite.Glossary)]
public sealed class BuiltSiteGlossary : ICollectionFixture<SiteFixture>;

[CollectionDefinition(BuiltSite.Initiatives)]
public sealed class BuiltSiteInitiatives : ICollectionFixture<SiteFixture>;

[CollectionDefinition(BuiltSite.OtherPrograms)]
public sealed class BuiltSiteOtherPrograms : ICollectionFixture<SiteFixture>;

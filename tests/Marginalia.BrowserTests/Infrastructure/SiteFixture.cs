using Marginalia.Site;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests.Infrastructure;

/// <summary>
/// One build of the real site, one Chromium and one server for the whole collection: starting a browser costs
/// about a second and building the site a few hundred milliseconds, so per-test copies would dominate the run.
/// Each test opens its own browser context, so no cookies, storage or viewport leak between tests.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    // Without these, Chromium phones home for updates, sync and field trials: traffic CI cannot reach and a
    // developer does not want from a test run. --no-sandbox because CI runs as root, where the sandbox refuses to start.
    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    private readonly string _workFolder = Path.Combine(Path.GetTempPath(), "marginalia-browser-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Exception? _browserFailure;
    private StaticSiteServer? _server;

    public string RepositoryRoot { get; } = Infrastructure.RepositoryRoot.Find();

    /// <summary>The built site: index.html, about/index.html, 404.html and assets/.</summary>
    public string SiteFolder => Path.Combine(_workFolder, "site");

    public StaticSiteServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_workFolder);
        var result = await SiteBuilder.BuildAsync(
            new BuildOptions(Input: "input", Theme: "theme", Output: SiteFolder) { WorkingDirectory = RepositoryRoot });
        if (!result.Succeeded)
        {
            // Every browser test would fail on a missing page anyway; saying why once, with the diagnostics, is kinder.
            throw new InvalidOperationException(
                "The site did not build, so nothing can be tested in a browser:" + Environment.NewLine +
                string.Join(Environment.NewLine, result.Diagnostics));
        }

        _server = await StaticSiteServer.StartAsync(SiteFolder);

        // A missing Chromium is not this fixture's failure: the HTML checks still run, and each browser test
        // decides for itself whether that means skip (a developer's machine) or fail (CI).
        if (Tools.ChromiumExists)
        {
            try
            {
                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = Tools.ChromiumPath,
                    Headless = true,
                    Args = ChromiumArguments,
                });
            }
            catch (PlaywrightException exception)
            {
                _browserFailure = exception;
            }
        }
    }

    /// <summary>A fresh, isolated context on the shared browser; skips or fails the calling test when there is no Chromium.</summary>
    /// <param name="configure">Changes to the defaults a test needs: a touch screen, JavaScript off.</param>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900, Action<BrowserNewContextOptions>? configure = null)
    {
        Tools.RequireChromium();
        if (_browser is null)
        {
            throw new InvalidOperationException($"Chromium exists at {Tools.ChromiumPath} but did not start.", _browserFailure);
        }

        var options = new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },

            // The theme honours this (site.css, cards.css): scrolls jump and fades finish at once, so what a test
            // measures right after a key press is the final state, with no sleeps.
            ReducedMotion = ReducedMotion.Reduce,
        };
        configure?.Invoke(options);
        var context = await _browser.NewContextAsync(options);

        // Playwright's 30 s default makes a broken page a slow failure; nothing here takes more than a moment.
        context.SetDefaultTimeout(10_000);
        return context;
    }

    public Uri FileUrlOf(string pagePath) => new(Path.Combine(SiteFolder, pagePath));

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (Directory.Exists(_workFolder))
        {
            Directory.Delete(_workFolder, recursive: true);
        }
    }
}

/// <summary>Every test class shares one <see cref="SiteFixture"/>, and so one build, browser and server.</summary>
[CollectionDefinition(Collection)]
public sealed class BuiltSite : ICollectionFixture<SiteFixture>
{
    public const string Collection = "Built site";
}

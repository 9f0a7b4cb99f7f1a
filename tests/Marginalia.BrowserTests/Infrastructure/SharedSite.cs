using Marginalia.Site;
using Marginalia.Testing;
using Microsoft.Playwright;

namespace Marginalia.BrowserTests.Infrastructure;

/// <summary>
/// One build of the committed site, one server and one Chromium for every collection of browser tests: starting a
/// browser costs about a second and building the site a few hundred milliseconds, so per-collection copies would
/// add up. Started by the first collection that needs it and stopped when the last one lets go.
/// </summary>
internal sealed class SharedSite : IAsyncDisposable
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
        DisabledFeatures,
    ];

    /// <summary>
    /// For the whole browser (<c>/usr/bin/chromium</c>, where the headless shell is not installed; see
    /// <see cref="Tools.DefaultChromiums"/>): Chromium 156 headless is then the whole browser, and each test's new
    /// context and page paid for two things no test uses: a renderer preloading the omnibox's WebUI pop-ups for the new
    /// window, and a spare renderer started ahead of the next navigation, which a new context (a profile of its own)
    /// cannot use. Without them a context, a page and one small page loaded cost about 0.6 s of CPU instead of 1.1 s
    /// (the Playwright driver, 20 pages each way, side by side), and the browser tests took 5 min 55 s alone instead of
    /// 9 min 26 s. The headless shell has neither and ignores the switch. Chromium keeps only the last
    /// <c>--disable-features</c> it is given, so this one repeats the list Playwright 1.64 passes by default (its
    /// <c>chromiumSwitches</c>; ChromiumLaunchTests checks it still does) before adding ours.
    /// </summary>
    internal const string DisabledFeatures =
        "--disable-features=AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,DialMediaRouteProvider," +
        "GlobalMediaControls,HttpsUpgrades,LensOverlay,MediaRouter,PaintHolding,ThirdPartyStoragePartitioning," +
        "BlockOriginHeaderModificationOnRedirect,AvoidCorsURLLoaderRestartOnRedirect,Translate,AutoDeElevate," +
        "OptimizationHints,NetworkTimeServiceQuerying,AimEnabled,msForceBrowserSignIn,msEdgeUpdateLaunchServicesPreferredVersion," +
        "WebUIOmniboxPopup,WebUIOmniboxAimPopup,SpareRendererForSitePerProcess";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static SharedSite? _current;
    private static int _users;

    private readonly string _workFolder = Path.Combine(Path.GetTempPath(), "marginalia-browser-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Exception? _browserFailure;
    private StaticSiteServer? _server;

    private SharedSite()
    {
    }

    public string RepositoryRoot { get; } = Infrastructure.RepositoryRoot.Find();

    public string SiteFolder => Path.Combine(_workFolder, "site");

    public StaticSiteServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public static async Task<SharedSite> AcquireAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_current is null)
            {
                var site = new SharedSite();
                try
                {
                    await site.StartAsync();
                }
                catch
                {
                    await site.DisposeAsync();
                    throw;
                }

                _current = site;
            }

            _users++;
            return _current;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task ReleaseAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (--_users == 0 && _current is not null)
            {
                await _current.DisposeAsync();
                _current = null;
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    public async Task<IBrowserContext> NewContextAsync(int width, int height, Action<BrowserNewContextOptions>? configure)
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

        // Playwright's own 30 s: a page from disk took over 10 s to open on the shared CI machine at load 15-17, and
        // a wait that fails for load says nothing about the page. A broken page still fails, only more slowly.
        context.SetDefaultTimeout(30_000);
        return context;
    }

    public async ValueTask DisposeAsync()
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

    private async Task StartAsync()
    {
        Directory.CreateDirectory(_workFolder);

        // The committed input/, so a draft in the working tree does not change what is tested; the working tree's theme.
        var result = await SiteBuilder.BuildAsync(
            new BuildOptions(Input: "input", Theme: Path.Combine(RepositoryRoot, "theme"), Output: SiteFolder)
            {
                WorkingDirectory = CommittedInput.Of(RepositoryRoot).Root,
            });
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
}

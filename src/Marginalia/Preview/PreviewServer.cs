using System.Net;
using Marginalia.Output;
using Marginalia.Pipeline;
using Marginalia.Site;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Marginalia.Preview;

/// <summary>
/// The preview: builds the site, serves the output folder on 127.0.0.1, rebuilds when the input or theme changes,
/// and tells the browsers to reload. Dispose it to stop.
/// </summary>
/// <remarks>
/// Endpoints: <c>/__marginalia/reload.js</c> (the script added to each HTML page), <c>/__marginalia/events</c>
/// (Server-Sent Events: <c>build</c> on connecting, <c>built</c> after each build, naming the output files it
/// changed), <c>/__marginalia/page?path=/x/</c> (the page at /x/ as the browser would get it, for the script to patch
/// from), and everything else from the output folder. While the last build has errors every HTML request gets a page listing them, status 500.
/// </remarks>
internal sealed class PreviewServer : IAsyncDisposable
{
    // Browsers keep event streams open; the hub closes them first, so stopping needs only a moment.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(2);

    private readonly WebApplication _app;
    private readonly SourceWatcher _watcher;
    private readonly RebuildLoop _loop;
    private readonly SiteState _state;
    private readonly ReloadHub _hub;
    private int _disposed;

    private PreviewServer(WebApplication app, SourceWatcher watcher, RebuildLoop loop, SiteState state, ReloadHub hub, Uri address)
    {
        _app = app;
        _watcher = watcher;
        _loop = loop;
        _state = state;
        _hub = hub;
        Address = address;
    }

    /// <summary>Where the site is served, with the port actually bound (<c>http://127.0.0.1:5080/</c>).</summary>
    public Uri Address { get; }

    /// <summary>The last finished build.</summary>
    public PreviewBuild LastBuild => _state.Last!;

    /// <summary>How many browsers are listening for reloads.</summary>
    internal int ListenerCount => _hub.ClientCount;

    /// <summary>
    /// Binds the port, runs the first build and starts watching. Returns once the first build is done, whether it
    /// succeeded or not: with errors, the pages show them until the author fixes the input.
    /// </summary>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<PreviewServer> StartAsync(PreviewOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var build = options.Build;
        var roots = BuildRoots.From(build.Input, build.Theme, build.Output, build.WorkingDirectory);
        var message = options.OnMessage ?? (_ => { });
        var state = new SiteState();
        var changes = new OutputChanges();
        var hub = new ReloadHub(since => Hello(state, changes, since));
        // One cache for the preview's life: a rebuild redoes only what the change touched.
        var cache = new BuildCache();
        var loop = new RebuildLoop(
            (pass, changed, token) => SiteBuilder.BuildAsync(
                pass == PreviewPass.Pages
                    ? build with
                    {
                        Write = true,
                        Cache = cache,
                        Carried = SitePipelines.Editions.Union(SitePipelines.UnchangedSources(changed, roots)).ToHashSet(StringComparer.Ordinal),
                        Shown = ShownFirst(hub),
                    }
                    : build with { Write = true, Cache = cache },
                token),
            options.Debounce,
            roots.Display(roots.Input),
            state.BeginBuild,
            result =>
            {
                var previous = state.Version;
                var changed = changes.Record(state.VersionOf(result), SiteWriter.LastWritten(cache));
                state.EndBuild(result);
                // Reported before it is announced, so whoever hears of a build (a test, the terminal) already has it.
                Report(options.OnBuild, result, message);
                hub.Broadcast(new BuildNews(state.Version, previous, !result.Result.Succeeded, changed));
            },
            options.EditionsDelay);
        SourceWatcher? watcher = null;
        WebApplication? app = null;
        try
        {
            // Watch before the first build, so an edit made while it runs is not missed.
            watcher = new SourceWatcher(
                [roots.Input, roots.Theme],
                [roots.Output, roots.Staging, Path.TrimEndingDirectorySeparator(roots.Output) + ".previous"],
                path => loop.Notify(roots.Display(path)),
                message);
            app = CreateApp(options.Port, new PreviewRequestHandler(roots, state, hub, changes, message));
            // Bind before building: a port that is taken is reported at once, and a browser that connects early
            // waits for the first build instead of being refused.
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            loop.Start();
            await loop.FirstBuild.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new PreviewServer(app, watcher, loop, state, hub, BoundAddress(app));
        }
        catch
        {
            watcher?.Dispose();
            await loop.DisposeAsync().ConfigureAwait(false);
            hub.Close();
            state.Release();
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _watcher.Dispose();
        await _loop.DisposeAsync().ConfigureAwait(false);
        _hub.Close();
        _state.Release();
        using (var timeout = new CancellationTokenSource(ShutdownTimeout))
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// The pages a save's pages pass renders: those browsers show, as Hugo's server renders the pages it has served
    /// first. With no browser listening, every page (nobody waits, and the pass is then the whole of the pages).
    /// </summary>
    private static IReadOnlySet<string>? ShownFirst(ReloadHub hub) => hub.ShownPages is { Count: > 0 } shown ? shown : null;

    /// <summary>
    /// What a browser hears on connecting: the current build, and what changed since the build its page came from
    /// (unknown when it did not say, or that build is not among the last few).
    /// </summary>
    private static BuildNews Hello(SiteState state, OutputChanges changes, string? since)
    {
        var last = state.Last;
        var version = state.VersionOf(last);
        return new BuildNews(version, since ?? string.Empty, last is { Result.Succeeded: false }, since is null ? null : changes.Since(since, version));
    }

    private static void Report(Action<PreviewBuild>? onBuild, PreviewBuild build, Action<string> message)
    {
        try
        {
            onBuild?.Invoke(build);
        }
#pragma warning disable CA1031 // The owner's reporting failed (a closed console, say); the preview must still rebuild and serve.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            message($"reporting build {build.Number} failed: {ex.Message}");
        }
    }

    private static WebApplication CreateApp(int port, PreviewRequestHandler handler)
    {
        // The empty builder reads no appsettings.json or ASPNETCORE_URLS and logs nowhere: the address is ours to
        // choose (loopback only), and the library writes nothing to the console.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port);
        });
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        var app = builder.Build();
        app.Run(handler.HandleAsync);
        return app;
    }

    private static Uri BoundAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new Uri(addresses.Single().TrimEnd('/') + "/");
    }
}

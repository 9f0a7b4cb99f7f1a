using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Marginalia.BrowserTests.Infrastructure;

/// <summary>
/// Serves the built site the way the host does: files as they are, <c>index.html</c> for a folder, and any other
/// path answered with <c>404.html</c> and status 404 (Netlify's rule), so the 404 page is tested where it is used.
/// </summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private StaticSiteServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The server's root, ending in a slash so relative page paths resolve against it.</summary>
    public Uri Address { get; }

    /// <param name="siteFolder">The built site.</param>
    /// <param name="port">0 for any free port; a port a stopped server used, to serve another build at the same origin.</param>
    /// <param name="headers">Headers sent with every response, as the host's configuration adds them (a Content-Security-Policy).</param>
    public static async Task<StaticSiteServer> StartAsync(string siteFolder, int port = 0, IReadOnlyDictionary<string, string>? headers = null)
    {
        var root = Path.GetFullPath(siteFolder);
        var notFoundPage = Path.Combine(root, "404.html");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = root,
            WebRootPath = root,
            EnvironmentName = "Production",
        });

        // Request logs would bury the test output; failures are reported by the tests themselves.
        builder.Logging.ClearProviders();

        // Port 0 lets the system pick a free port, so parallel runs and a developer's own server never collide.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));

        var app = builder.Build();
        app.Use((context, next) =>
        {
            // Every answer is the whole file. ASP.NET's validators are the file's time, to the second, and its length:
            // two builds a moment apart can share them, and a 304 would then pass one build's file off as the
            // other's. The host's come from the content.
            context.Request.Headers.Remove("If-None-Match");
            context.Request.Headers.Remove("If-Modified-Since");
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            return next(context);
        });

        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ContentTypeProvider = HostContentTypes() });
        app.Run(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(notFoundPage).ConfigureAwait(false);
        });

        await app.StartAsync().ConfigureAwait(false);

        // Kestrel writes the port it actually bound back into this feature; app.Urls would still say port 0.
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel did not say which address it bound.");
        var bound = addresses.Addresses.Single();
        return new StaticSiteServer(app, new Uri(bound.TrimEnd('/') + "/"));
    }

    public int Port => Address.Port;

    public Uri UrlOf(string pagePath) => new(Address, pagePath);

    /// <summary>The host serves every file the build writes; ASP.NET's table lacks some of their extensions and would answer 404.</summary>
    private static FileExtensionContentTypeProvider HostContentTypes()
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".jsonld"] = "application/ld+json";
        types.Mappings[".epub"] = "application/epub+zip";
        types.Mappings[".webmanifest"] = "application/manifest+json";
        return types;
    }

    /// <summary>Stops serving (a test may do so early, to take the network away); later calls do nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

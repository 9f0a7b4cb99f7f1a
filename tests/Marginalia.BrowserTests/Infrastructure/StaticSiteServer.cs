using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
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

    private StaticSiteServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The server's root, ending in a slash so relative page paths resolve against it.</summary>
    public Uri Address { get; }

    public static async Task<StaticSiteServer> StartAsync(string siteFolder)
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
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

        var app = builder.Build();
        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
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

    public Uri UrlOf(string pagePath) => new(Address, pagePath);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

using System.Net.ServerSentEvents;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Marginalia.Pipeline;
using Marginalia.Publishing;
using Microsoft.AspNetCore.Http.Features;

namespace Marginalia.Preview;

/// <summary>
/// Answers every request: the server's own script, event stream and error page stylesheets under
/// <c>/__marginalia/</c>, and otherwise the output folder as a static host (Netlify) serves it, with the reload script
/// added to HTML on the way out.
/// </summary>
/// <param name="roots">The build's folders: the output is served, the theme lends the error page its stylesheet, and
/// diagnostics' paths are read relative to the display base for the error page's excerpts.</param>
/// <param name="changes">What each of the last builds changed: the page endpoint's <c>since</c> is answered from it.</param>
internal sealed class PreviewRequestHandler(BuildRoots roots, SiteState state, ReloadHub hub, OutputChanges changes, Action<string> message)
{
    /// <summary>
    /// Set on the page endpoint's answer to the version in its <c>?since=</c> when the page is the same file that build
    /// made: the reload script may then compare with it, though a later build tagged it.
    /// </summary>
    public const string SameSinceHeader = "Marginalia-Same-Since";

    private const string NotFoundPage = "404.html";
    private const string IndexPage = "index.html";

    private static readonly byte[] ScriptBytes = Encoding.UTF8.GetBytes(LiveReload.Script);
    private static readonly byte[] ErrorStyleBytes = Encoding.UTF8.GetBytes(ErrorPageStyle.Css);

    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(roots.Output));

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var response = context.Response;
        var path = request.Path.Value ?? "/";
        // The published site's headers (its Content-Security-Policy above all), so a preview runs under the policy the
        // site will, then the preview's own: every response reflects the files as they are now, and a cached page
        // would hide the edit just made.
        foreach (var (name, value) in SiteHeaders.For(path))
        {
            response.Headers[name] = value;
        }

        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        try
        {
            if (!PreviewHosts.IsAllowed(request.Headers.Host.ToString(), context.Connection.LocalPort))
            {
                // Before anything else, the event stream and the reload script included: see PreviewHosts.
                await WriteAsync(context, StatusCodes.Status421MisdirectedRequest, ContentTypes.PlainText,
                    "The preview answers only http://127.0.0.1, http://localhost and http://[::1] on its own port.\n"u8.ToArray()).ConfigureAwait(false);
            }
            else if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            {
                response.Headers.Allow = "GET, HEAD";
                await WriteAsync(context, StatusCodes.Status405MethodNotAllowed, ContentTypes.PlainText, "The preview only serves files.\n"u8.ToArray())
                    .ConfigureAwait(false);
            }
            else if (path == LiveReload.EventsPath)
            {
                await StreamEventsAsync(context).ConfigureAwait(false);
            }
            else if (path == LiveReload.ScriptPath)
            {
                await WriteAsync(context, StatusCodes.Status200OK, ContentTypes.JavaScript, ScriptBytes).ConfigureAwait(false);
            }
            else if (path == LiveReload.PagePath)
            {
                await ServePageAsync(context).ConfigureAwait(false);
            }
            else if (path == ErrorPageStyle.Path)
            {
                await WriteAsync(context, StatusCodes.Status200OK, ContentTypes.Css, ErrorStyleBytes).ConfigureAwait(false);
            }
            else if (path == ErrorPageStyle.ThemePath)
            {
                await WriteAsync(context, StatusCodes.Status200OK, ContentTypes.Css, await ThemeStyleAsync(context.RequestAborted).ConfigureAwait(false))
                    .ConfigureAwait(false);
            }
            else
            {
                await ServeSiteAsync(context, path).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The browser left (a reload, a closed tab): nobody is waiting for an answer.
        }
#pragma warning disable CA1031 // One failed request must not take the preview down; the author sees why in the console.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            message($"{request.Method} {request.Path}: {ex.GetType().Name}: {ex.Message}");
            if (!response.HasStarted)
            {
                response.Clear();
                response.Headers.CacheControl = "no-store";
                await WriteAsync(context, StatusCodes.Status500InternalServerError, ContentTypes.PlainText,
                    Encoding.UTF8.GetBytes($"The preview could not serve this: {ex.Message}\n")).ConfigureAwait(false);
            }
        }
    }

    private async Task StreamEventsAsync(HttpContext context)
    {
        context.Response.ContentType = ContentTypes.EventStream;
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        // The page the listening browser shows, as the output file it is ("notes/index.html"); absent from an older script.
        var page = context.Request.Query["page"].ToString();
        // The build that page came from: the first event tells what changed since, so a page that was loading while a
        // build finished need not reload when that build left it as it was.
        var since = context.Request.Query["since"].ToString();
        await SseFormatter.WriteAsync(hub.EventsAsync(page.Length > 0 ? page : null, since.Length > 0 ? since : null, context.RequestAborted),
                context.Response.Body, context.RequestAborted)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// The page at the address in <c>?path=</c>, exactly as a navigation there gets it: the reload script fetches it
    /// here to patch itself, because the site's service worker answers a plain fetch of a page's own address from its
    /// cache, and leaves this one, which is no file of the site, to the network.
    /// </summary>
    private async Task ServePageAsync(HttpContext context)
    {
        var path = context.Request.Query["path"].ToString();
        if (!path.StartsWith('/'))
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, ContentTypes.PlainText, "Name the page as ?path=/its/address/.\n"u8.ToArray())
                .ConfigureAwait(false);
            return;
        }

        var since = context.Request.Query["since"].ToString();
        await ServeSiteAsync(context, path, since.Length > 0 ? since : null).ConfigureAwait(false);
    }

    /// <param name="since">A build whose page the caller holds (the page endpoint's <c>?since=</c>), or null.</param>
    private async Task ServeSiteAsync(HttpContext context, string path, string? since = null)
    {
        await state.WhenIdleAsync(context.RequestAborted).ConfigureAwait(false);
        // Waiting above ends with a build, so there is one from here on. One snapshot decides both what is served
        // and the version it is tagged with: files read below may be newer, never older, which costs at most an
        // extra reload rather than a stale page that believes it is current.
        var build = state.Last!;
        var version = state.VersionOf(build);
        var file = Resolve(path);
        if (file is null && IsFolder(path))
        {
            // Pages link to "about/index.html"; a hand-typed "/about" must become "/about/" or its relative links break.
            context.Response.Redirect(UriHelper.BuildRelative(context.Request.PathBase, FolderPath(path), context.Request.QueryString));
            return;
        }

        if (file is not null && !ContentTypes.IsHtml(file))
        {
            // Stylesheets and images of the last good build are harmless while the input has errors.
            // The site's rules name a type where the extension alone would mislead (feed.xml is Atom, not text/xml).
            var type = SiteHeaders.For(path).TryGetValue("Content-Type", out var named) ? named : ContentTypes.For(file);
            await WriteAsync(context, StatusCodes.Status200OK, type, await File.ReadAllBytesAsync(file, context.RequestAborted).ConfigureAwait(false))
                .ConfigureAwait(false);
            return;
        }

        if (!build.Result.Succeeded)
        {
            await WriteHtmlAsync(context, StatusCodes.Status500InternalServerError, ErrorPage.Render(build, version, roots.DisplayBase)).ConfigureAwait(false);
            return;
        }

        var status = StatusCodes.Status200OK;
        if (file is null)
        {
            // As Netlify does: any unknown address gets the site's own 404 page, with the 404 status.
            status = StatusCodes.Status404NotFound;
            file = Path.Combine(_root, NotFoundPage);
            if (!File.Exists(file))
            {
                await WriteAsync(context, status, ContentTypes.PlainText, "Not found, and the site has no 404.html.\n"u8.ToArray()).ConfigureAwait(false);
                return;
            }
        }

        var html = await File.ReadAllTextAsync(file, Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
        if (since is not null && changes.Since(since, version) is { } changed
            && !changed.Contains(Path.GetRelativePath(_root, file).Replace('\\', '/'), StringComparer.Ordinal))
        {
            context.Response.Headers[SameSinceHeader] = since;
        }

        await WriteHtmlAsync(context, status, LiveReload.Inject(html, version)).ConfigureAwait(false);
    }

    /// <summary>
    /// The theme's stylesheet as it is in the theme folder now, or a comment saying why there is none: the error page
    /// then keeps its own fallback look. Never an error status, which would only add noise to the browser's console.
    /// </summary>
    private async Task<byte[]> ThemeStyleAsync(CancellationToken cancellationToken)
    {
        var file = new FileInfo(Path.Combine(roots.Theme, ErrorPageStyle.ThemeFile));
        try
        {
            if (file.Exists && file.Length <= ErrorPageStyle.ThemeFileLimit)
            {
                return await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Being rewritten, or unreadable: as if missing.
        }

        return "/* The theme's stylesheet cannot be read; the error page uses its own. */\n"u8.ToArray();
    }

    /// <summary>
    /// The folder's own address: one leading slash, whatever the request had. "//about/" or "/\\about/" in a Location
    /// is protocol-relative, another host to the browser; a single slash keeps every redirect on this origin.
    /// </summary>
    internal static PathString FolderPath(string path)
    {
        var segments = path.Split('/', '\\').Where(s => s.Length > 0);
        return new PathString("/" + string.Join('/', segments) + "/");
    }

    /// <summary>The output file a URL path names (a folder's <c>index.html</c> for a path ending in '/'), or null.</summary>
    private string? Resolve(string path)
    {
        var full = FullPath(path);
        if (full is null)
        {
            return null;
        }

        if (path.EndsWith('/'))
        {
            full = Path.Combine(full, IndexPage);
        }

        return File.Exists(full) ? full : null;
    }

    private bool IsFolder(string path) => !path.EndsWith('/') && FullPath(path) is { } full && Directory.Exists(full);

    /// <summary>The path inside the output folder, or null for anything that could step outside it.</summary>
    private string? FullPath(string path)
    {
        var relative = path.TrimStart('/');
        if (relative.Contains('\\', StringComparison.Ordinal) || relative.Contains(':', StringComparison.Ordinal) || relative.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(_root, relative));
        return full == _root || full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    private static Task WriteHtmlAsync(HttpContext context, int status, string html) =>
        WriteAsync(context, status, ContentTypes.Html, Encoding.UTF8.GetBytes(html));

    private static async Task WriteAsync(HttpContext context, int status, string contentType, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}

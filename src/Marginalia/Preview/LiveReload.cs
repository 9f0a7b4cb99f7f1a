namespace Marginalia.Preview;

/// <summary>
/// The live-reload script (it patches the page after each build, or reloads it) and the tag the server adds to each
/// HTML response. It is an external file, not an inline script, so it keeps working under the site's
/// <c>script-src 'self'</c> policy; and it is added on the way out, never written into the output folder, so the
/// published site is exactly what <c>build</c> makes.
/// </summary>
internal static class LiveReload
{
    /// <summary>The prefix of the server's own paths; no build writes a folder of that name, so it never hides a page.</summary>
    public const string Prefix = "/__marginalia/";
    public const string ScriptPath = Prefix + "reload.js";
    public const string EventsPath = Prefix + "events";

    /// <summary>A page as a navigation gets it, named by <c>?path=</c>: what the script patches the page from.</summary>
    public const string PagePath = Prefix + "page";

    /// <summary>The attribute that marks the error page's script tag: that page's scroll is not where the reader was.</summary>
    public const string FailedAttribute = "data-failed";

    private const string ResourceName = "Marginalia.Preview.LiveReload.js";
    private const string BodyEnd = "</body>";

    private static readonly Lazy<string> LazyScript = new(() =>
    {
        using var stream = typeof(LiveReload).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the resource {ResourceName} is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The script, <c>LiveReload.js</c> beside this file, embedded in the assembly.</summary>
    public static string Script => LazyScript.Value;

    public static string Tag(string version, bool failed = false) =>
        $"<script src=\"{ScriptPath}\" data-version=\"{version}\"{(failed ? " " + FailedAttribute : string.Empty)} defer></script>\n";

    /// <summary>Adds the script tag before the last <c>&lt;/body&gt;</c>, or at the end of a page that has none.</summary>
    /// <param name="failed">Whether the page is the error page, which stands in for the page at its address.</param>
    public static string Inject(string html, string version, bool failed = false)
    {
        ArgumentNullException.ThrowIfNull(html);
        var at = html.LastIndexOf(BodyEnd, StringComparison.OrdinalIgnoreCase);
        var tag = Tag(version, failed);
        return at < 0 ? html + tag : html.Insert(at, tag);
    }
}

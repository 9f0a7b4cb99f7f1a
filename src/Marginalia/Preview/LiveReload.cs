namespace Marginalia.Preview;

/// <summary>
/// The live-reload script and the tag the server adds to each HTML response. It is an external file, not an inline
/// script, so it keeps working under the site's <c>script-src 'self'</c> policy; and it is added on the way out,
/// never written into the output folder, so the published site is exactly what <c>build</c> makes.
/// </summary>
internal static class LiveReload
{
    /// <summary>The prefix of the server's own paths; no build writes a folder of that name, so it never hides a page.</summary>
    public const string Prefix = "/__marginalia/";
    public const string ScriptPath = Prefix + "reload.js";
    public const string EventsPath = Prefix + "events";

    public const string Script = """
        // Marginalia preview: reloads the page whenever the site is rebuilt.
        // Served by `marginalia preview` only; it is never part of the built site.
        (function () {
          "use strict";
          var script = document.currentScript;
          var served = script ? script.getAttribute("data-version") : null;
          var events = new EventSource("/__marginalia/events");
          function reload() {
            events.close();
            window.location.reload();
          }
          // On connecting the server names its current build: if it is not the one this page came from, a build
          // finished before we were listening (or the preview restarted) and the page is stale.
          events.addEventListener("build", function (event) {
            if (served && event.data !== served) {
              reload();
            }
          });
          events.addEventListener("reload", reload);
        })();

        """;

    private const string BodyEnd = "</body>";

    public static string Tag(string version) => $"<script src=\"{ScriptPath}\" data-version=\"{version}\" defer></script>\n";

    /// <summary>Adds the script tag before the last <c>&lt;/body&gt;</c>, or at the end of a page that has none.</summary>
    public static string Inject(string html, string version)
    {
        ArgumentNullException.ThrowIfNull(html);
        var at = html.LastIndexOf(BodyEnd, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html + Tag(version) : html.Insert(at, Tag(version));
    }
}

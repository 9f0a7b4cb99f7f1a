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

    /// <summary>The attribute that marks the error page's script tag: that page's scroll is not where the reader was.</summary>
    public const string FailedAttribute = "data-failed";

    public const string Script = """
        // Marginalia preview: reloads the page whenever the site is rebuilt, and keeps the reader's place.
        // Served by `marginalia preview` only; it is never part of the built site.
        (function () {
          "use strict";
          var script = document.currentScript;
          var served = script ? script.getAttribute("data-version") : null;
          // The error page stands in for whatever page was at this address: it neither saves a place nor restores one,
          // so when the fix arrives the page comes back where the reader left it.
          var failed = script ? script.hasAttribute("data-failed") : false;
          var key = "marginalia-preview-place:" + location.pathname + location.search;

          function openNotes() {
            return Array.prototype.map.call(document.querySelectorAll("[aria-controls][aria-expanded=true]"), function (control) {
              return control.getAttribute("aria-controls");
            });
          }

          function save() {
            if (failed) {
              return;
            }
            try {
              sessionStorage.setItem(key, JSON.stringify({ x: window.scrollX, y: window.scrollY, open: openNotes() }));
            } catch (error) {
              // Storage off or full: the reload still happens, at the top of the page.
            }
          }

          function saved() {
            try {
              var place = JSON.parse(sessionStorage.getItem(key));
              return place && typeof place.y === "number" ? place : null;
            } catch (error) {
              return null;
            }
          }

          function restore(place) {
            (place.open || []).forEach(function (id) {
              var control = document.querySelector("[aria-controls=\"" + CSS.escape(String(id)) + "\"][aria-expanded=false]");
              if (control) {
                control.click();
              }
            });
            window.scrollTo(place.x || 0, place.y);
          }

          // A reload (ours, or the author's) comes back to the saved place; a link followed starts at the top as usual.
          var navigation = performance.getEntriesByType("navigation")[0];
          var place = !failed && navigation && navigation.type === "reload" ? saved() : null;
          if (place) {
            // The browser would put back the scroll of the page last shown here, which may be the error page's.
            history.scrollRestoration = "manual";
            if (document.readyState === "complete") {
              restore(place);
            } else {
              window.addEventListener("load", function () { restore(place); }, { once: true });
            }
          }
          window.addEventListener("pagehide", save);

          var events = new EventSource("/__marginalia/events");
          function reload() {
            events.close();
            save();
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

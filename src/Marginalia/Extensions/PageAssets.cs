using Marginalia.Contributions;
using Marginalia.Theme;

namespace Marginalia.Extensions;

/// <summary>
/// The stylesheets and scripts a page loads beyond site.css and offline.js: the site's own scripts on every page, then
/// what the registered kinds ask for (<see cref="IPageContributor.Stylesheets"/>, <see cref="IPageContributor.Scripts"/>),
/// so a new kind brings its own without a line in base.liquid.
/// </summary>
internal static class PageAssets
{
    /// <summary>
    /// Loaded first on every page: the namespace the scripts meet in (when to start, the one Escape handler), then the
    /// reader's settings (theme and text size everywhere, which marks show on the reader), so a stored theme or size is
    /// applied before any kind's script measures the page.
    /// </summary>
    public static IReadOnlyList<string> SiteScripts { get; } = ["marginalia.js", "settings.js"];

    /// <summary>
    /// Loaded after the site's scripts and before any kind's: the popover (placement, WCAG 1.4.13 hover and focus),
    /// then how a pointer aims at an open popover.
    /// </summary>
    public static IReadOnlyList<string> SharedScripts { get; } = ["popover.js", "popover-aim.js"];

    /// <summary>
    /// The reader's own scripts, after every kind's: each paragraph's Cite button (cite-button.js), which reads the
    /// woven page as the kinds left it; last, where the reader left off (resume.js).
    /// </summary>
    public static IReadOnlyList<string> ReaderScripts { get; } = ["cite-button.js", "resume.js"];

    /// <summary>
    /// What "Cite" needs once a reader asks for it, after the kinds' tools: the text fragment (cite-fragment.js) and
    /// the dialog (cite.js).
    /// </summary>
    public static IReadOnlyList<string> ReaderScriptsOnFirstUse { get; } = ["cite-fragment.js", "cite.js"];

    /// <summary>The asset name of the reader's tools joined as one file, loaded on first use (<see cref="Tools"/>).</summary>
    public const string ToolsBundle = "reader-tools.bundle.js";

    /// <summary>The stylesheet every page loads first.</summary>
    public const string SiteStylesheet = "site.css";

    /// <summary>
    /// The reader's stylesheets and scripts, each joined as one asset (<see cref="AssetBundle"/>): the page a reader
    /// opens first loads three files, not twenty (with offline.js, which the single-file edition leaves out); its
    /// tools' scripts are a third bundle, loaded on first use. Other pages load few and small files, one by one.
    /// </summary>
    public static AssetBundle[] Bundles(IEnumerable<IPageContributor> kinds)
    {
        var reader = new PageSpec(CoreLayouts.Reader, SitePaths.Reader, "", "", "", "");
        return
        [
            new("reader.bundle.css", [SiteStylesheet, .. Stylesheets(reader, kinds)]),
            new("reader.bundle.js", [.. Scripts(reader, kinds)]),
            new(ToolsBundle, [.. Tools(reader, kinds)]),
        ];
    }

    /// <summary>
    /// The scripts of the reader's tools, which load on first use, not with the page (<see cref="IPageContributor.ScriptsOnFirstUse"/>):
    /// the kinds', then the reader's own.
    /// </summary>
    public static string[] Tools(PageSpec page, IEnumerable<IPageContributor> kinds)
    {
        ArgumentNullException.ThrowIfNull(page);
        var reader = page.Layout == CoreLayouts.Reader;
        return reader ? [.. kinds.SelectMany(k => k.ScriptsOnFirstUse(page)).Concat(ReaderScriptsOnFirstUse).Distinct(StringComparer.Ordinal)] : [];
    }

    public static string[] Stylesheets(PageSpec page, IEnumerable<IPageContributor> kinds) =>
        [.. kinds.SelectMany(k => k.Stylesheets(page)).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The site's scripts, then the kinds' scripts when the kinds ask for any, after the shared popover on the reader
    /// (the only page with popovers: another page a kind gives a script to, such as the notes page's filter, does not
    /// pay for them), and on the reader its own last.
    /// </summary>
    public static string[] Scripts(PageSpec page, IEnumerable<IPageContributor> kinds)
    {
        ArgumentNullException.ThrowIfNull(page);
        var own = kinds.SelectMany(k => k.Scripts(page)).Distinct(StringComparer.Ordinal).ToArray();
        var reader = page.Layout == CoreLayouts.Reader;
        var shared = reader && own.Length > 0 ? SharedScripts : [];
        return [.. SiteScripts, .. shared, .. own, .. reader ? ReaderScripts : []];
    }
}

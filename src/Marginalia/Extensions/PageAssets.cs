using Marginalia.Theme;

namespace Marginalia.Extensions;

/// <summary>
/// The stylesheets and scripts a page loads beyond site.css and offline.js: what the registered kinds ask for
/// (<see cref="IPageContributor.Stylesheets"/>, <see cref="IPageContributor.Scripts"/>), so a new kind brings its own
/// without a line in base.liquid.
/// </summary>
internal static class PageAssets
{
    /// <summary>
    /// Loaded before any kind's script: the namespace the scripts meet in and the popover (placement, WCAG 1.4.13
    /// hover and focus, Escape), then how a pointer aims at an open popover.
    /// </summary>
    public static IReadOnlyList<string> SharedScripts { get; } = ["popover.js", "popover-aim.js"];

    public static string[] Stylesheets(PageSpec page, IEnumerable<IPageContributor> kinds) =>
        [.. kinds.SelectMany(k => k.Stylesheets(page)).Distinct(StringComparer.Ordinal)];

    /// <summary>The kinds' scripts, after the shared ones when there are any.</summary>
    public static string[] Scripts(PageSpec page, IEnumerable<IPageContributor> kinds)
    {
        var own = kinds.SelectMany(k => k.Scripts(page)).Distinct(StringComparer.Ordinal).ToArray();
        return own.Length == 0 ? [] : [.. SharedScripts, .. own];
    }
}

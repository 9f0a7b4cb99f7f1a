namespace Marginalia.Theme;

/// <summary>
/// The colours the browser paints around the site when it is installed: its title bar (theme colour) and the splash
/// before the first page draws (background). Both are the page's paper colour in <c>theme/assets/site.css</c>, so an
/// installed reader opens on the same page it then shows; a test keeps them equal.
/// </summary>
internal static class WebAppColors
{
    /// <summary><c>--paper</c> in the light scheme.</summary>
    public const string Light = "#fcfaf6";

    /// <summary><c>--paper</c> in the dark scheme, for <c>&lt;meta name="theme-color" media="(prefers-color-scheme: dark)"&gt;</c>.</summary>
    public const string Dark = "#1a1815";
}

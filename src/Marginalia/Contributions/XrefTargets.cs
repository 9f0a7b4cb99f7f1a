using System.Text.RegularExpressions;

namespace Marginalia.Contributions;

/// <summary>
/// What <c>xref:</c> links may name — "essay#p-…", "notes/&lt;id&gt;", later "glossary/&lt;id&gt;" and
/// "initiatives/&lt;id&gt;" — each with the site path and fragment it leads to; and the rewriting of a body's xrefs
/// and media images into relative URLs for the page it is shown on, so the site works from disk.
/// </summary>
internal sealed partial class XrefTargets
{
    private readonly Dictionary<string, (string Path, string? Fragment)> _targets = new(StringComparer.Ordinal);

    public void Add(string target, string path, string? fragment = null) => _targets[target] = (path, fragment);

    public bool Contains(string target) => _targets.ContainsKey(target);

    public IEnumerable<string> Names => _targets.Keys;

    /// <summary>The URL of a target as written on the page at <paramref name="fromPath"/> (a site path like "notes/index.html").</summary>
    public string? UrlFrom(string target, string fromPath)
    {
        if (!_targets.TryGetValue(target, out var found))
        {
            return null;
        }

        var fragment = found.Fragment is null ? string.Empty : "#" + found.Fragment;
        return found.Path == fromPath && fragment.Length > 0 ? fragment : SitePaths.Relative(fromPath, found.Path) + fragment;
    }

    /// <summary>Rewrites <c>href="xref:…"</c> and <c>src="media/…"</c> in sanitised body HTML for one page.</summary>
    /// <remarks>
    /// A regular expression is enough here: the HTML comes out of HtmlSanitizer's serialiser, which always writes
    /// attributes double-quoted, and every xref was checked when the page's targets were known.
    /// </remarks>
    public string Resolve(string html, string fromPath)
    {
        ArgumentNullException.ThrowIfNull(html);
        html = XrefHref().Replace(html, m =>
            $"href=\"{System.Net.WebUtility.HtmlEncode(UrlFrom(System.Net.WebUtility.HtmlDecode(m.Groups[1].Value), fromPath) ?? "#")}\"");
        return MediaSrc().Replace(html, m => $"src=\"{SitePaths.Relative(fromPath, "media/" + m.Groups[1].Value)}\"");
    }

    [GeneratedRegex("href=\"xref:([^\"]*)\"")]
    private static partial Regex XrefHref();

    [GeneratedRegex("src=\"media/([^\"]*)\"")]
    private static partial Regex MediaSrc();
}

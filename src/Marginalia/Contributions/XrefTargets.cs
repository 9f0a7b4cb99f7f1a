using Marginalia.Content;

namespace Marginalia.Contributions;

/// <summary>
/// What <c>xref:</c> links may name — "essay#p-…", "notes/&lt;id&gt;", later "glossary/&lt;id&gt;" and
/// "initiatives/&lt;id&gt;" — each with the site path and fragment it leads to; and the rewriting of a body's xrefs
/// and media images into relative URLs for the page it is shown on, so the site works from disk.
/// </summary>
internal sealed class XrefTargets
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

    /// <summary>Writes a sanitised body for one page: its <c>xref:</c> links and <c>media/</c> images made relative to it.</summary>
    /// <remarks>Each body's links are found once, in its DOM (<see cref="LinkedBody.For"/>); a body shown on many pages, or in many rebuilds, is not searched again.</remarks>
    public string Resolve(string html, string fromPath)
    {
        ArgumentNullException.ThrowIfNull(html);
        return LinkedBody.For(html).On(fromPath, this);
    }

    /// <summary><see cref="Resolve"/>, with the body's ids and links for that page, known from its slots (a body gives no ids).</summary>
    public AnchoredHtml ResolveAnchored(string html, string fromPath)
    {
        ArgumentNullException.ThrowIfNull(html);
        return LinkedBody.For(html).AnchoredOn(fromPath, this);
    }
}

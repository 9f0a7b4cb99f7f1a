using System.Net;
using System.Runtime.CompilerServices;
using Marginalia.Content;

namespace Marginalia.Contributions;

/// <summary>
/// A sanitised body with the places its links depend on the page: each <c>xref:</c> link and each <c>media/</c>
/// image, found once in the body's DOM and kept as slots between fixed pieces of HTML. A page fills the slots with
/// URLs relative to itself; nothing searches the HTML again.
/// </summary>
internal sealed class LinkedBody
{
    // Marks a slot in the serialised DOM. A body cannot hold control characters, written or as references (MG0614 at load), so
    // the mark cannot be the body's own text.
    private const char Mark = '\u0001';

    private readonly string[] _pieces;
    private readonly Slot[] _slots;

    private LinkedBody(string[] pieces, Slot[] slots)
    {
        _pieces = pieces;
        _slots = slots;
    }

    // Bodies already read, by the string itself (not its text): the preview's cache hands every rebuild the same body
    // string while its file is unchanged, so a rebuild parses only the bodies that changed. Weak, so a body no build
    // holds any more is let go with its string.
    private static readonly ConditionalWeakTable<string, LinkedBody> Known = new();

    /// <summary><see cref="Of"/>, once per body string for the life of the process.</summary>
    public static LinkedBody For(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return Known.GetValue(html, Of);
    }

    /// <summary>The xref targets the body links to, in order.</summary>
    public IEnumerable<string> Xrefs => _slots.Where(s => !s.Media).Select(s => s.Value);

    public static LinkedBody Of(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!html.Contains(ContributedMarkdown.XrefScheme, StringComparison.Ordinal) && !html.Contains(MediaPrefix, StringComparison.Ordinal))
        {
            return new LinkedBody([html], []);
        }

        var root = HtmlFragment.Parse(html);
        var slots = new List<Slot>();
        foreach (var element in root.QuerySelectorAll($"[href^='{ContributedMarkdown.XrefScheme}'], [src^='{MediaPrefix}']"))
        {
            if (element.GetAttribute("href") is { } href && href.StartsWith(ContributedMarkdown.XrefScheme, StringComparison.Ordinal))
            {
                element.SetAttribute("href", $"{Mark}{slots.Count}{Mark}");
                slots.Add(new Slot(false, href[ContributedMarkdown.XrefScheme.Length..]));
            }
            else if (element.GetAttribute("src") is { } src)
            {
                // Only the prefix is the page's: the file name stays as the serialiser writes it.
                element.SetAttribute("src", $"{Mark}{slots.Count}{Mark}{src[MediaPrefix.Length..]}");
                slots.Add(new Slot(true, src));
            }
        }

        var parts = HtmlFragment.SerializeChildren(root).Split(Mark);
        var pieces = new string[slots.Count + 1];
        for (var i = 0; i <= slots.Count; i++)
        {
            pieces[i] = parts[2 * i];
        }

        return new LinkedBody(pieces, [.. slots]);
    }

    /// <summary>The body as written on the page at <paramref name="fromPath"/>: xrefs through <paramref name="targets"/> ("#" for one that names nothing), images relative to the page.</summary>
    public string On(string fromPath, XrefTargets targets)
    {
        if (_slots.Length == 0)
        {
            return _pieces[0];
        }

        var html = new System.Text.StringBuilder(_pieces[0]);
        for (var i = 0; i < _slots.Length; i++)
        {
            var slot = _slots[i];
            html.Append(slot.Media
                ? SitePaths.Relative(fromPath, MediaPrefix)
                : WebUtility.HtmlEncode(targets.UrlFrom(slot.Value, fromPath) ?? "#"));
            html.Append(_pieces[i + 1]);
        }

        return html.ToString();
    }

    /// <summary>
    /// <see cref="On"/>, with the body's anchors on that page: the links of its slots, in order. A body has no other
    /// link of the site’s own (MG0608 allows only https:, http:, mailto: and xref:, MG0609 only media/ images) and no
    /// id (the sanitiser drops them), so nothing else need be read from its HTML.
    /// </summary>
    public AnchoredHtml AnchoredOn(string fromPath, XrefTargets targets)
    {
        var html = On(fromPath, targets);
        if (_slots.Length == 0)
        {
            return new AnchoredHtml(html, HtmlAnchors.Empty);
        }

        var links = new List<string>(_slots.Length);
        foreach (var slot in _slots)
        {
            var link = slot.Media
                ? SitePaths.Relative(fromPath, MediaPrefix) + slot.Value[MediaPrefix.Length..]
                : targets.UrlFrom(slot.Value, fromPath) ?? "#";
            if (!HtmlAnchors.IsExternal(link))
            {
                links.Add(link);
            }
        }

        return new AnchoredHtml(html, new HtmlAnchors([], links));
    }

    private const string MediaPrefix = "media/";

    private sealed record Slot(bool Media, string Value);
}

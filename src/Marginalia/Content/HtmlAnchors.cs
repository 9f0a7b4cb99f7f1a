using System.Text;
using AngleSharp.Dom;
using Marginalia.Pipeline;

namespace Marginalia.Content;

/// <summary>
/// What the link check needs of a piece of HTML, known where the piece is made: every element id it gives, in order
/// and with repeats (a repeat is MG0506), and every link of the site's own it makes (<c>a[href]</c>, <c>link[href]</c>,
/// <c>script[src]</c>, <c>img[src]</c>, <c>source[src]</c>, external ones left out), in order. The pages carry theirs as
/// <see cref="Key"/>, so the check parses no written page.
/// </summary>
internal sealed record HtmlAnchors(IReadOnlyList<string> Ids, IReadOnlyList<string> Links)
{
    /// <summary>On every HTML page the build writes: its anchors, as rendered.</summary>
    public static readonly MetadataKey<HtmlAnchors> Key = new(nameof(HtmlAnchors));

    public static HtmlAnchors Empty { get; } = new([], []);

    /// <summary>The link attribute an element of this name is checked by, or null ("a" → "href"); names compared as HTML compares them, ASCII letters without case.</summary>
    public static string? LinkAttribute(ReadOnlySpan<char> element) =>
        Ascii.EqualsIgnoreCase(element, "a") || Ascii.EqualsIgnoreCase(element, "link") ? "href"
        : Ascii.EqualsIgnoreCase(element, "script") || Ascii.EqualsIgnoreCase(element, "img") || Ascii.EqualsIgnoreCase(element, "source") ? "src"
        : null;

    /// <summary>Whether a link leaves the site (a scheme, or "//host"): not the build's to check.</summary>
    public static bool IsExternal(string link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return HasScheme(link) || link.StartsWith("//", StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether a link starts with a URI scheme and its colon (RFC 3986: a letter, then letters, digits, "+", "-" or
    /// "."). Read by hand, not by a regular expression: it is asked of every link of every page, on every core at once,
    /// and a regex made a new runner for each call that found the shared one busy (3 MB of a 1× build).
    /// </summary>
    private static bool HasScheme(string link)
    {
        if (link.Length == 0 || !char.IsAsciiLetter(link[0]))
        {
            return false;
        }

        for (var i = 1; i < link.Length; i++)
        {
            var c = link[i];
            if (c == ':')
            {
                return true;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The anchors of a DOM already in memory (nothing is parsed): every element under <paramref name="root"/>, itself excluded.</summary>
    public static HtmlAnchors Of(INode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var ids = new List<string>();
        var links = new List<string>();
        foreach (var element in Markup.ElementTree.Below(root))
        {
            Add(element, ids, links);
        }

        return new HtmlAnchors(ids, links);
    }

    /// <summary>The anchors of a whole document in memory, the root element included.</summary>
    public static HtmlAnchors OfDocument(IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var ids = new List<string>();
        var links = new List<string>();
        foreach (var element in document.All)
        {
            Add(element, ids, links);
        }

        return new HtmlAnchors(ids, links);
    }

    private static void Add(IElement element, List<string> ids, List<string> links)
    {
        // The attribute, not Element.Id: AngleSharp gives "" for an element without one in some documents.
        if (element.GetAttribute("id") is { } id)
        {
            ids.Add(id);
        }

        if (LinkAttribute(element.LocalName) is { } attribute && element.GetAttribute(attribute) is { } link && !IsExternal(link))
        {
            links.Add(link);
        }
    }
}

/// <summary>
/// HTML made by the code from a model (the woven essay, a contributed body), with its anchors, known as it was made.
/// Layouts see it as the HTML; the page renderer takes its anchors instead of reading them from the HTML.
/// </summary>
internal sealed record AnchoredHtml(string Html, HtmlAnchors Anchors)
{
    public static AnchoredHtml Empty { get; } = new(string.Empty, HtmlAnchors.Empty);

    public override string ToString() => Html;
}

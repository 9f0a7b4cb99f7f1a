using AngleSharp.Dom;
using Marginalia.Contributions;
using Marginalia.Extensions;

namespace Marginalia.Editions.Epub;

/// <summary>
/// Where a link of the site goes in the book. HTML written for the site links to its pages (relative URLs, xrefs);
/// in a book those files do not exist and epubcheck rejects them. A link to something the book holds (a paragraph or
/// a note of the essay, or whatever a kind's chapter answers for: <see cref="BookChapter.Target"/>) becomes an in-book
/// link; any other page of the site becomes its absolute URL.
/// </summary>
internal sealed class BookLinks
{
    public const string EssayFile = "essay.xhtml";
    public const string NavFile = "nav.xhtml";

    private readonly XrefTargets _xrefs;
    private readonly Uri _baseUrl;
    private readonly HashSet<string> _essayIds;
    private readonly IReadOnlyList<BookChapter> _chapters;
    private readonly BookImages _images;
    // Asked from two threads at once: the essay's chapter and the kinds' chapters are written side by side (EpubBuilder).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Uri> _pageUrls = new(StringComparer.Ordinal);

    /// <param name="chapters">The chapters after the essay, asked in this order where a link to the site lands.</param>
    internal BookLinks(ReaderResult reader, Uri baseUrl, BookImages images, IEnumerable<string> essayIds, IEnumerable<BookChapter> chapters)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(baseUrl);
        _xrefs = reader.Xrefs;
        // A base URL without a trailing slash would make "https://host/site" + "index.html" lose "site".
        _baseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        _images = images;
        _essayIds = [.. essayIds];
        _chapters = [.. chapters];
    }

    /// <summary>The in-book href of a paragraph or note of the essay, as written from <paramref name="fromFile"/>.</summary>
    public static string ToEssay(string id, string fromFile) => In(EssayFile, id, fromFile);

    /// <summary>
    /// Rewrites every link and image under <paramref name="root"/>, which was written for the site page
    /// <paramref name="sitePage"/> and now stands in <paramref name="bookFile"/>. A link that can go nowhere safe
    /// (an unknown xref, a scheme no reader should follow) keeps its text and loses its link.
    /// </summary>
    public void Rewrite(IElement root, string sitePage, string bookFile)
    {
        ArgumentNullException.ThrowIfNull(root);

        // Both kinds in one walk: the essay's chapter holds every element of the essay and of its footnotes, and a
        // selector query for each kind walked them all twice ("a[href]" and "img" match as these tests do).
        var links = new List<IElement>();
        var images = new List<IElement>();
        foreach (var element in Markup.ElementTree.Below(root))
        {
            if (element.LocalName.Equals("a", StringComparison.OrdinalIgnoreCase) && element.HasAttribute("href"))
            {
                links.Add(element);
            }
            else if (element.LocalName.Equals("img", StringComparison.OrdinalIgnoreCase))
            {
                images.Add(element);
            }
        }

        foreach (var link in links)
        {
            var href = Href(link.GetAttribute("href")!, sitePage, bookFile);
            if (href is null)
            {
                Unwrap(link);
            }
            else
            {
                link.SetAttribute("href", href);
            }
        }

        foreach (var image in images)
        {
            if (!_images.TryUse(image.GetAttribute("src") ?? string.Empty))
            {
                var alt = image.Owner!.CreateElement("span");
                alt.ClassName = "missing-image";
                alt.TextContent = image.GetAttribute("alt") ?? string.Empty;
                image.Replace(alt);
            }
            else if (!image.HasAttribute("alt"))
            {
                image.SetAttribute("alt", string.Empty);
            }
        }
    }

    /// <summary>The href a link of the site page <paramref name="sitePage"/> gets in <paramref name="bookFile"/>, or null for none.</summary>
    public string? Href(string href, string sitePage, string bookFile)
    {
        ArgumentNullException.ThrowIfNull(href);
        if (IsBookFile(href))
        {
            return href; // written for the book already (the links to the paragraphs that use an entry)
        }

        if (href.StartsWith("xref:", StringComparison.Ordinal))
        {
            var resolved = _xrefs.UrlFrom(href["xref:".Length..], sitePage);
            if (resolved is null)
            {
                return null;
            }

            href = resolved;
        }

        if (!Uri.TryCreate(PageUrl(sitePage), href, out var url))
        {
            return null;
        }

        if (url.Scheme is "mailto")
        {
            return href;
        }

        if (url.Scheme is not ("http" or "https"))
        {
            return null;
        }

        // The site's own page: the same scheme, host and port, and a path under the base's (compared as
        // Uri.MakeRelativeUri compares them, case-sensitively; that call built a relative Uri for every link of the book
        // only to be asked whether it began with "../", and was two thirds of this method's time).
        if (url.Scheme != _baseUrl.Scheme || url.Host != _baseUrl.Host || url.Port != _baseUrl.Port
            || !url.AbsolutePath.StartsWith(_baseUrl.AbsolutePath, StringComparison.Ordinal))
        {
            return url.AbsoluteUri; // another site's page
        }

        return InBook(Uri.UnescapeDataString(url.AbsolutePath[_baseUrl.AbsolutePath.Length..]), Fragment(url), bookFile) ?? url.AbsoluteUri;
    }

    /// <summary>The absolute address of a site page, made once per page rather than once per link.</summary>
    private Uri PageUrl(string sitePage) => _pageUrls.GetOrAdd(sitePage, static (page, baseUrl) => new Uri(baseUrl, page), _baseUrl);

    private string? InBook(string path, string fragment, string bookFile)
    {
        if (path is "" or "index.html")
        {
            return fragment.Length == 0 ? In(EssayFile, null, bookFile) : _essayIds.Contains(fragment) ? In(EssayFile, fragment, bookFile) : null;
        }

        foreach (var chapter in _chapters)
        {
            if (chapter.Target(path, fragment) is { } id)
            {
                return In(chapter.File, id.Length == 0 ? null : id, bookFile);
            }
        }

        return null;
    }

    private bool IsBookFile(string href)
    {
        var path = href.Split('#')[0];
        return path is EssayFile or NavFile || _chapters.Any(c => c.File == path);
    }

    private static string In(string file, string? id, string fromFile) =>
        id is null ? file : file == fromFile ? "#" + id : file + "#" + id;

    private static string Fragment(Uri url) => url.Fragment.Length > 1 ? Uri.UnescapeDataString(url.Fragment[1..]) : string.Empty;

    private static void Unwrap(IElement element)
    {
        var parent = element.Parent!;
        while (element.FirstChild is { } child)
        {
            parent.InsertBefore(child, element);
        }

        element.Remove();
    }
}

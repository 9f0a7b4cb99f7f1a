using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Marginalia.Editions.Epub;

/// <summary>
/// One content document of the book, built as an AngleSharp DOM and written as XHTML. The XML formatter matters:
/// an HTML serialiser writes <c>&lt;br&gt;</c> and <c>&amp;nbsp;</c>, which no XML parser (so no reading system)
/// accepts. Text set through the DOM is escaped by the formatter, never by hand.
/// </summary>
internal sealed class XhtmlPage
{
    public const string StylesheetHref = "book.css";

    private static readonly HtmlParser Parser = new();

    private readonly IDocument _document = Parser.ParseDocument(string.Empty);

    public XhtmlPage(string title, string language)
    {
        Title = title;
        Language = language;
        Body = _document.Body!;
    }

    public string Title { get; }

    public string Language { get; }

    public IElement Body { get; }

    /// <summary>Ids more than one element of the page has (a book with one fails epubcheck).</summary>
    public IReadOnlyList<(string Id, int Count)> DuplicateIds() => Validation.DuplicateIds.In(Markup.ElementTree.Below(_document));

    /// <summary>A new element (not yet placed), with an optional class and text.</summary>
    public IElement Element(string name, string? className = null, string? text = null)
    {
        var element = _document.CreateElement(name);
        if (className is not null)
        {
            element.ClassName = className;
        }

        if (text is not null)
        {
            element.TextContent = XmlText.Clean(text);
        }

        return element;
    }

    /// <summary>Appends a new element to <paramref name="parent"/> and returns it.</summary>
    public IElement Append(INode parent, string name, string? className = null, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var element = Element(name, className, text);
        parent.AppendChild(element);
        return element;
    }

    public void AppendText(INode parent, string text)
    {
        ArgumentNullException.ThrowIfNull(parent);
        parent.AppendChild(_document.CreateTextNode(XmlText.Clean(text)));
    }

    /// <summary>Parses an HTML fragment (a sanitised body, the woven essay) into a new element holding its nodes.</summary>
    public IElement Fragment(string html, string containerName = "div", string? className = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        Content.HtmlParses.Count(Content.ParsedHtml.Fragment);
        var container = Element(containerName, className);
        foreach (var node in Parser.ParseFragment(html, Body).ToArray())
        {
            container.AppendChild(node);
        }

        return container;
    }

    /// <summary>
    /// Parses many fragments (the notes' bodies) as <see cref="Fragment"/> does each, in one parse: a parse sets up a
    /// document and a tree builder of its own, and one per note was a fifth of the book's time. Each fragment is
    /// parsed inside a numbered wrapper; should one not end inside its own (a sanitised body always does), they are
    /// parsed one by one instead, so no fragment's markup can reach into another's.
    /// </summary>
    public IReadOnlyList<IElement> Fragments(IReadOnlyList<string> fragments, string containerName = "div", string? className = null)
    {
        ArgumentNullException.ThrowIfNull(fragments);
        const string Wrapper = "data-marginalia-fragment";
        var joined = new StringBuilder();
        for (var i = 0; i < fragments.Count; i++)
        {
            joined.Append("<div ").Append(Wrapper).Append("=\"").Append(i).Append("\">").Append(fragments[i]).Append("</div>");
        }

        Content.HtmlParses.Count(Content.ParsedHtml.Fragment);
        var wrappers = Parser.ParseFragment(joined.ToString(), Body);
        var whole = wrappers.Length == fragments.Count
            && wrappers.Select((node, i) => node is IElement { LocalName: "div", Attributes.Length: 1 } wrapper
                && wrapper.GetAttribute(Wrapper) == i.ToString(System.Globalization.CultureInfo.InvariantCulture)).All(kept => kept);
        if (!whole)
        {
            return [.. fragments.Select(html => Fragment(html, containerName, className))];
        }

        return [.. wrappers.Select(wrapper =>
        {
            var container = Element(containerName, className);
            foreach (var node in wrapper.ChildNodes.ToArray())
            {
                container.AppendChild(node);
            }

            return container;
        })];
    }

    /// <summary>Moves the children of <paramref name="source"/> (a copy made for this page) into a new element of this page.</summary>
    public IElement Adopt(IElement source, string containerName = "div", string? className = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var container = Element(containerName, className);
        foreach (var node in source.ChildNodes.ToArray())
        {
            _document.AdoptNode(node);
            container.AppendChild(node);
        }

        return container;
    }

    /// <summary>An element made in another page (built there on another thread), moved into this one.</summary>
    public IElement Take(IElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        _document.AdoptNode(element);
        return element;
    }

    /// <summary>
    /// The page as UTF-8 XHTML, serialised straight into its bytes through <see cref="Text.XmlCharactersWriter"/>: the
    /// essay's chapter is tens of megabytes at scale, and building it as strings made five copies of it.
    /// </summary>
    public ReadOnlyMemory<byte> ToBytes()
    {
        var bytes = new MemoryStream();

        // A buffer of 4,096 characters: one of 64 K was two large objects per page (its characters and their bytes),
        // which count towards the budget whose end starts a full collection.
        using (var xhtml = new StreamWriter(bytes, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 4096, leaveOpen: true))
        {
            var language = XmlText.Escape(Language);
            xhtml.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            xhtml.Write("<!DOCTYPE html>\n");
            xhtml.Write($"<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"{language}\" xml:lang=\"{language}\">\n");
            xhtml.Write($"<head>\n<meta charset=\"UTF-8\" />\n<title>{XmlText.Escape(Title)}</title>\n");
            xhtml.Write($"<link rel=\"stylesheet\" type=\"text/css\" href=\"{StylesheetHref}\" />\n</head>\n");
            using (var body = new Text.XmlCharactersWriter(xhtml))
            {
                XhtmlWriter.Write(Body, body);
            }

            xhtml.Write("\n</html>\n");
        }

        return bytes.GetBuffer().AsMemory(0, (int)bytes.Length);
    }
}

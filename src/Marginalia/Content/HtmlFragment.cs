using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Marginalia.Content;

/// <summary>
/// Parses rendered HTML into an AngleSharp DOM for enrichment and writes it back. Text is serialised with only the
/// escapes HTML needs (&amp;, &lt;, &gt;, no-break space), so typographic characters and emoji stay characters.
/// </summary>
internal static class HtmlFragment
{
    private static readonly HtmlParser Parser = new();

    /// <summary>A container element holding the parsed fragment (its children are the fragment's nodes).</summary>
    public static IElement Parse(string html)
    {
        var document = Parser.ParseDocument(string.Empty);
        var container = document.CreateElement("div");
        foreach (var node in Parser.ParseFragment(html, document.Body!).ToArray())
        {
            container.AppendChild(node);
        }

        return container;
    }

    public static string Serialize(INode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        using var writer = new StringWriter();
        node.ToHtml(writer, HtmlMarkupFormatter.Instance);
        return writer.ToString();
    }

    public static string SerializeChildren(IElement container)
    {
        ArgumentNullException.ThrowIfNull(container);
        return container.InnerHtml;
    }

    public static IHtmlDocument ParseDocument(string html) => Parser.ParseDocument(html);
}

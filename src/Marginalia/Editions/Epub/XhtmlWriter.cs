using AngleSharp.Dom;
using AngleSharp.Xml;

namespace Marginalia.Editions.Epub;

/// <summary>
/// Writes a content document's DOM as XHTML, character for character as AngleSharp.Xml's
/// <see cref="XmlMarkupFormatter"/> does, but straight to the writer. The formatter makes a string of every start tag
/// and attribute in a string builder taken from a pool behind a lock, and serialising the book's essay chapter (the
/// essay and every note as a footnote) was a sixth of the book's time at 2,000 notes, the part of it at the end of a
/// build with one core idle. Whatever is not plain markup, text or a comment (a template's content, a script's or a
/// style's text, a pre whose first line break a serialiser must keep, a processing instruction) is left to the
/// formatter itself, so nothing is written differently; tests compare the two.
/// </summary>
internal static class XhtmlWriter
{
    public static void Write(INode node, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(writer);
        switch (node)
        {
            case IElement element when IsPlain(element):
                WriteElement(element, writer);
                break;
            case IText text:
                Escape(text.Data, writer, inAttribute: false);
                break;
            case IComment comment:
                writer.Write("<!--");
                writer.Write(comment.Data);
                writer.Write("-->");
                break;
            default:
                node.ToHtml(writer, XmlMarkupFormatter.Instance);
                break;
        }
    }

    /// <summary>An element whose serialisation is its tag, its children and its end tag, nothing else.</summary>
    private static bool IsPlain(IElement element) =>
        (element.Flags & (NodeFlags.LiteralText | NodeFlags.LineTolerance)) == 0 && element is not AngleSharp.Html.Dom.IHtmlTemplateElement;

    private static void WriteElement(IElement element, TextWriter writer)
    {
        var children = element.ChildNodes;
        var closed = children.Length == 0 && (element.Flags & NodeFlags.SelfClosing) != 0;
        writer.Write('<');
        WriteName(element, writer);
        foreach (var attribute in element.Attributes)
        {
            writer.Write(' ');
            writer.Write(attribute.Name);
            writer.Write("=\"");
            Escape(attribute.Value, writer, inAttribute: true);
            writer.Write('"');
        }

        if (closed)
        {
            writer.Write(" />");
            return;
        }

        writer.Write('>');
        for (var i = 0; i < children.Length; i++)
        {
            Write(children[i], writer);
        }

        writer.Write("</");
        WriteName(element, writer);
        writer.Write('>');
    }

    private static void WriteName(IElement element, TextWriter writer)
    {
        if (!string.IsNullOrEmpty(element.Prefix))
        {
            writer.Write(element.Prefix);
            writer.Write(':');
        }

        writer.Write(element.LocalName);
    }

    /// <summary>Text escapes ampersands and less-than signs; an attribute's value its double quotes too.</summary>
    private static void Escape(string value, TextWriter writer, bool inAttribute)
    {
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            var special = inAttribute ? rest.IndexOfAny('&', '<', '"') : rest.IndexOfAny('&', '<');
            if (special < 0)
            {
                writer.Write(rest);
                return;
            }

            writer.Write(rest[..special]);
            writer.Write(rest[special] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                _ => "&quot;",
            });
            rest = rest[(special + 1)..];
        }
    }
}

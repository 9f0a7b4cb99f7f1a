using AngleSharp.Dom;
using Marginalia.Content;
using Marginalia.Extensions;
using Marginalia.Markup;

namespace Marginalia.Reader;

/// <summary>
/// Each paragraph's "¶" link to itself, for readers who share a passage. Only the web page has them (a book links
/// nowhere by URL), so they are web decorations, appended after the paragraph's text.
/// </summary>
internal static class Permalinks
{
    public static void Add(Essay essay, IElement root, WebDecorations web)
    {
        var paragraphs = essay.Paragraphs.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var element in root.QuerySelectorAll("p[id]"))
        {
            if (paragraphs.TryGetValue(element.Id!, out var paragraph))
            {
                web.Add(element, e => e.AppendChild(Link(e.Owner!, paragraph)));
            }
        }
    }

    private static IElement Link(IDocument document, EssayParagraph paragraph)
    {
        var link = document.CreateElement("a");
        link.ClassName = MarkupNames.Permalink;
        link.SetAttribute("href", "#" + paragraph.Id);
        link.SetAttribute("aria-label", $"Link to paragraph: {FirstWords(paragraph.Text, EssayBuilder.IdWords)}…");
        link.TextContent = "¶";
        return link;
    }

    private static string FirstWords(string text, int count) =>
        string.Join(' ', text.Split((char[]?)null, count + 1, StringSplitOptions.RemoveEmptyEntries).Take(count)).TrimEnd(',', '.', ';', ':', '—', '–');
}

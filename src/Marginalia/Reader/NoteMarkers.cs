using System.Globalization;
using AngleSharp.Dom;
using Marginalia.Annotations;
using Marginalia.Markup;

namespace Marginalia.Reader;

/// <summary>Numbers every note marker in document order, which is reading order whatever kind of note it belongs to.</summary>
internal static class NoteMarkers
{
    /// <summary>The comma set between two markers with no text between them.</summary>
    public const string SeparatorClass = MarkupNames.NoteRefSeparator;

    /// <param name="markers">Every marker the weave placed, with the id of its note.</param>
    /// <returns>Each marker's note id with its number.</returns>
    internal static Dictionary<string, int> Number(IElement root, IReadOnlyDictionary<IElement, string> markers)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(markers);
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var marker in root.QuerySelectorAll("a." + EssayWeaver.MarkerClass).Where(markers.ContainsKey))
        {
            var number = numbers.Count + 1;
            var text = number.ToString(CultureInfo.InvariantCulture);
            marker.TextContent = text;
            marker.SetAttribute("aria-label", "Note " + text);
            numbers[markers[marker]] = number;
        }

        Separate(root);
        return numbers;
    }

    /// <summary>
    /// Puts a comma between markers that would otherwise touch, so "4" and "5" never read as "45": several notes on
    /// one passage, or a note ending where the author's footnote stands. The comma is outside both links, so each
    /// number stays its own target, and hidden from screen readers, which already say "Note 4", "Note 5".
    /// </summary>
    private static void Separate(IElement root)
    {
        foreach (var marker in root.QuerySelectorAll("a." + EssayWeaver.MarkerClass).ToArray())
        {
            if (IsMarker(PreviousInline(marker)))
            {
                var comma = root.Owner!.CreateElement("span");
                comma.ClassName = SeparatorClass;
                comma.SetAttribute("aria-hidden", "true");
                comma.TextContent = ",";
                marker.Parent!.InsertBefore(comma, marker);
            }
        }
    }

    /// <summary>
    /// The last node before <paramref name="node"/> that shows something on the same line: empty text is skipped,
    /// inline elements are entered from their end and left from their start, and a block ends the search.
    /// </summary>
    private static INode? PreviousInline(INode node)
    {
        while (true)
        {
            while (node.PreviousSibling is null)
            {
                if (node.Parent is not IElement parent || !IsInline(parent))
                {
                    return null;
                }

                node = parent;
            }

            node = node.PreviousSibling;
            while (node is IElement element && !IsMarker(element) && IsInline(element) && element.LastChild is not null)
            {
                node = element.LastChild;
            }

            if (node is IText { Data.Length: 0 } || node is IComment)
            {
                continue;
            }

            return node;
        }
    }

    private static bool IsMarker(INode? node) => node is IElement element && element.LocalName == "a" && element.ClassList.Contains(EssayWeaver.MarkerClass);

    private static bool IsInline(IElement element) => element.LocalName is "a" or "mark" or "em" or "strong" or "span" or "code" or "del" or "sup" or "sub" or "abbr" or "dfn" or "cite" or "q" or "b" or "i" or "s" or "small";
}

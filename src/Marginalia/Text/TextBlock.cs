using AngleSharp.Dom;

namespace Marginalia.Text;

/// <summary>
/// A paragraph or heading of the indexed text: its element, the id a link to it uses, its span [Start, End) in the
/// plain text, and its text nodes with the plain offset each starts at.
/// </summary>
internal sealed record TextBlock(string Id, IElement Element, int Start, int End, IReadOnlyList<TextSegment> Segments);

/// <summary>A DOM text node and the plain-text offset of its first character.</summary>
internal readonly record struct TextSegment(IText Node, int Start)
{
    public int End => Start + Node.Length;
}

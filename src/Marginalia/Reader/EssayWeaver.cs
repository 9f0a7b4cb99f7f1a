using AngleSharp.Dom;
using Marginalia.Extensions;
using Marginalia.Text;

namespace Marginalia.Reader;

/// <summary>
/// Writes notes, initiative mentions and glossary terms into the essay's DOM in one pass, after precedence has been
/// settled on plain-text ranges: text nodes are split once at every boundary, each piece inside one or more notes is
/// wrapped in a &lt;mark&gt; naming them (so overlapping and nested notes both show), each link range wraps its
/// pieces in one element, and each note's marker goes right after its passage — outside any link, so a marker is
/// never a link inside a link. Wrapping kind by kind instead would split links at the edges of marks.
/// </summary>
internal static class EssayWeaver
{
    public const string MarkClass = WeaveMarkup.MarkClass;
    public const string MarkerClass = WeaveMarkup.MarkerClass;

    /// <summary>
    /// Wraps note passages and link ranges and inserts one empty marker per note, recorded in
    /// <paramref name="markers"/> with its note's id for <see cref="NoteMarkers"/> to number. What only the web page
    /// adds to marks and links goes to <paramref name="web"/>. Each link range must lie within text nodes of
    /// one parent (callers check with <see cref="Exclusions.CanWrap"/>).
    /// </summary>
    internal static void Weave(TextIndex index, IReadOnlyList<MarkedPassage> anchors, IReadOnlyList<LinkRange> links, WebDecorations web, IDictionary<IElement, string> markers)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(anchors);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(web);
        ArgumentNullException.ThrowIfNull(markers);
        if (anchors.Count == 0 && links.Count == 0)
        {
            return;
        }

        var boundaries = anchors.SelectMany(a => new[] { a.Start, a.End })
            .Concat(links.SelectMany(l => new[] { l.Start, l.End }))
            .Distinct().Order().ToArray();
        var linkStarts = links.ToDictionary(l => l.Start);
        LinkRange? openLink = null;
        var linkPieces = new List<INode>();
        var starts = anchors.OrderBy(a => a.Start).ToArray();
        var active = new SortedSet<string>(StringComparer.Ordinal);
        var ending = anchors.GroupBy(a => a.End).ToDictionary(g => g.Key, g => g.OrderBy(a => a.Start).ThenBy(a => a.Id, StringComparer.Ordinal).ToList());
        var nextStart = 0;
        var endsSeen = new HashSet<int>();
        var byEnd = anchors.OrderBy(a => a.End).ToArray();
        var nextEnd = 0;

        // Markers go in last: a passage ending inside a term must get its marker after the term's link.
        var pendingMarkers = new List<(INode After, IElement Block, List<MarkedPassage> Notes)>();
        foreach (var block in index.Blocks)
        {
            foreach (var segment in block.Segments)
            {
                foreach (var (node, pieceStart, pieceEnd) in Split(segment, boundaries))
                {
                    // Notes that have ended by this piece leave the active set; those starting here join it.
                    while (nextEnd < byEnd.Length && byEnd[nextEnd].End <= pieceStart)
                    {
                        active.Remove(byEnd[nextEnd++].Id);
                    }

                    while (nextStart < starts.Length && starts[nextStart].Start <= pieceStart)
                    {
                        if (starts[nextStart].End > pieceStart)
                        {
                            active.Add(starts[nextStart].Id);
                        }

                        nextStart++;
                    }

                    INode placed = node;
                    if (active.Count > 0)
                    {
                        placed = Wrap(node, active, web);
                    }

                    if (openLink is null && linkStarts.TryGetValue(pieceStart, out var link))
                    {
                        openLink = link;
                    }

                    if (openLink is not null)
                    {
                        linkPieces.Add(placed);
                        if (pieceEnd >= openLink.End)
                        {
                            placed = WrapLink(openLink, linkPieces, web);
                            openLink = null;
                            linkPieces.Clear();
                        }
                    }

                    if (ending.TryGetValue(pieceEnd, out var done) && endsSeen.Add(pieceEnd))
                    {
                        pendingMarkers.Add((placed, block.Element, done));
                    }
                }
            }
        }

        foreach (var (after, block, notes) in pendingMarkers)
        {
            InsertMarkers(after, block, notes, markers);
        }
    }

    /// <summary>Splits a text node at the boundaries inside it; returns the pieces in order with their plain spans.</summary>
    private static List<(IText Node, int Start, int End)> Split(TextSegment segment, int[] boundaries)
    {
        if (segment.Node.Length == 0)
        {
            return [];
        }

        // The segment's end is its node's length from its start: read it before splitting shortens the node.
        var end = segment.End;
        var cuts = new List<int>();
        var i = Array.BinarySearch(boundaries, segment.Start + 1);
        for (i = i >= 0 ? i : ~i; i < boundaries.Length && boundaries[i] < end; i++)
        {
            cuts.Add(boundaries[i] - segment.Start);
        }

        var pieces = new List<(IText, int, int)>();
        var node = segment.Node;
        var offset = 0;
        foreach (var cut in cuts)
        {
            var rest = node.Split(cut - offset);
            pieces.Add((node, segment.Start + offset, segment.Start + cut));
            node = rest;
            offset = cut;
        }

        pieces.Add((node, segment.Start + offset, end));
        return pieces;
    }

    private static IElement Wrap(IText node, SortedSet<string> notes, WebDecorations web)
    {
        var mark = node.Owner!.CreateElement("mark");
        mark.ClassName = notes.Count > 1 ? $"{MarkClass} {MarkClass}--overlap" : MarkClass;

        // The scripts light up a note's passage from its id; a book has no script.
        web.Attribute(mark, Markup.MarkupNames.DataNotes, string.Join(' ', notes));
        node.Parent!.ReplaceChild(mark, node);
        mark.AppendChild(node);
        return mark;
    }

    private static IElement WrapLink(LinkRange range, List<INode> pieces, WebDecorations web)
    {
        var element = range.Create(pieces[0].Owner!);
        if (range.ForWeb is { } forWeb)
        {
            web.Add(element, forWeb);
        }

        pieces[0].Parent!.InsertBefore(element, pieces[0]);
        foreach (var piece in pieces)
        {
            element.AppendChild(piece);
        }

        return element;
    }

    private static void InsertMarkers(INode after, IElement block, List<MarkedPassage> notes, IDictionary<IElement, string> markers)
    {
        // Climb out of inline elements the passage ends at the end of, and out of any link wherever it ends.
        while (after.Parent is IElement parent && parent != block
               && (parent.LocalName == "a" || (after.NextSibling is null && parent.LocalName != "mark")))
        {
            after = parent;
        }

        var document = block.Owner!;
        foreach (var anchor in notes)
        {
            var marker = anchor.CreateMarker(document);
            markers[marker] = anchor.Id;

            after.Parent!.InsertBefore(marker, after.NextSibling);
            after = marker;
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;

namespace Marginalia.Text;

/// <summary>
/// The essay's text as one plain string (<c>essay.txt</c>: blocks separated by a blank line) with a map from every
/// plain offset back to the DOM text node holding it, and the folded form for matching. Built once per build; notes,
/// mentions and terms are all found on it.
/// </summary>
internal sealed class TextIndex
{
    /// <summary>Elements whose text is a block of its own, unless they hold another such block.</summary>
    private static readonly HashSet<string> BlockNames = new(StringComparer.Ordinal)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "pre", "figcaption", "blockquote",
    };

    public const string Separator = "\n\n";

    private readonly int[] _blockStarts;

    // Made on first use, once however many threads ask (the reader's kinds prepare their matches at the same time).
    private readonly Lazy<FoldedText> _folded;
    private readonly Lazy<string> _foldedLower;
    private readonly Lazy<string> _version;

    private TextIndex(string text, IReadOnlyList<TextBlock> blocks)
    {
        Text = text;
        Blocks = blocks;
        _blockStarts = [.. blocks.Select(b => b.Start)];
        _folded = new(() => Folding.Fold(Text));
        _foldedLower = new(() => Folded.Text.ToLowerInvariant());
        _version = new(() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text)))[..12]);
    }

    /// <summary>The plain text: every block's text, in order, separated by <see cref="Separator"/>, ending in a newline.</summary>
    public string Text { get; }

    public IReadOnlyList<TextBlock> Blocks { get; }

    /// <summary>The folded plain text; matches on it map back with <see cref="FoldedText.ToSource"/>.</summary>
    public FoldedText Folded => _folded.Value;

    /// <summary>The folded text lower-cased character by character (same length, same offsets), for case-insensitive phrases.</summary>
    public string FoldedLower => _foldedLower.Value;

    /// <summary>A short hash of the text: tools record it with a note to tell later whether the essay changed.</summary>
    /// <remarks>Computed once: callers read it per note, and hashing the whole text each time made weaving quadratic.</remarks>
    public string Version => _version.Value;

    /// <param name="root">The element holding the blocks (the essay body).</param>
    /// <param name="skip">Elements whose text is not the essay's (permalinks, markers): skipped with their contents.</param>
    public static TextIndex Build(IElement root, Func<IElement, bool> skip)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(skip);
        var text = new StringBuilder();
        var blocks = new List<TextBlock>();
        foreach (var element in LeafBlocks(root))
        {
            if (blocks.Count > 0)
            {
                text.Append(Separator);
            }

            var start = text.Length;
            var segments = new List<TextSegment>();
            Collect(element, skip, text, segments);
            blocks.Add(new TextBlock(NearestId(element), element, start, text.Length, segments));
        }

        text.Append('\n');
        return new TextIndex(text.ToString(), blocks);
    }

    /// <summary>The block whose span holds <paramref name="offset"/> (or, between blocks, the one before).</summary>
    public TextBlock BlockAt(int offset)
    {
        var i = Array.BinarySearch(_blockStarts, offset);
        return Blocks[Math.Max(0, i >= 0 ? i : ~i - 1)];
    }

    private static IEnumerable<IElement> LeafBlocks(IElement root) =>
        root.Descendants<IElement>().Where(e => BlockNames.Contains(e.LocalName) && !e.Descendants<IElement>().Any(d => BlockNames.Contains(d.LocalName)));

    private static void Collect(INode node, Func<IElement, bool> skip, StringBuilder text, List<TextSegment> segments)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    segments.Add(new TextSegment(t, text.Length));
                    text.Append(t.Data);
                    break;
                case IElement e when !skip(e):
                    Collect(e, skip, text, segments);
                    break;
            }
        }
    }

    /// <summary>An element's own id, or the nearest ancestor's (a heading speaks for its section).</summary>
    public static string NearestId(IElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (!string.IsNullOrEmpty(e.Id))
            {
                return e.Id;
            }
        }

        return string.Empty;
    }
}

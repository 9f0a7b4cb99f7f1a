using Markdig.Syntax;

namespace Marginalia.Text;

/// <summary>
/// Turns a character offset in a text into its line and column. Diagnostics place Markdown nodes by their source span
/// rather than by Markdig's <c>Line</c>: for an inline inside a multi-line setext heading, Markdig counts lines from the
/// underline, so an error on the heading's first line would be reported below the body.
/// </summary>
internal sealed class LinePositions
{
    private readonly List<int> _starts = [0];

    public LinePositions(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            _starts.Add(i + 1);
        }
    }

    /// <summary>The 0-based line and 1-based column of a 0-based offset.</summary>
    public (int Line, int Column) At(int offset)
    {
        var found = _starts.BinarySearch(offset);
        var line = found >= 0 ? found : ~found - 1;
        return (line, offset - _starts[line] + 1);
    }

    /// <summary>Where a node starts: by its span when it has one, else by Markdig's line and column.</summary>
    public (int Line, int Column) At(MarkdownObject node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Span.Start >= 0 && !node.Span.IsEmpty ? At(node.Span.Start) : (node.Line, node.Column + 1);
    }
}

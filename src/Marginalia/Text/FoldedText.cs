namespace Marginalia.Text;

/// <summary>
/// Text after <see cref="Folding"/>, with the way back: every folded character knows the span of source characters
/// it came from, so a match found on folded text maps to the exact passage in the original.
/// </summary>
internal sealed class FoldedText
{
    private readonly List<int> _starts;
    private readonly List<int> _ends;

    // Lists, not arrays: copying millions of offsets into exact-size arrays would only double the allocation.
    internal FoldedText(string source, string text, List<int> starts, List<int> ends)
    {
        Source = source;
        Text = text;
        _starts = starts;
        _ends = ends;
    }

    public string Source { get; }

    public string Text { get; }

    public int Length => Text.Length;

    /// <summary>The source span [start, end) of folded span [start, end) (which must be non-empty).</summary>
    public (int Start, int End) ToSource(int start, int end)
    {
        if (start < 0 || end > Text.Length || start >= end)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"[{start}, {end}) is not a non-empty span of {Text.Length} folded characters");
        }

        return (_starts[start], _ends[end - 1]);
    }

    /// <summary>The source offset where folded character <paramref name="index"/> starts (the source length at the end).</summary>
    public int SourceStart(int index) => index < _starts.Count ? _starts[index] : Source.Length;

    public override string ToString() => Text;
}

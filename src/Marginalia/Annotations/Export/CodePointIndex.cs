namespace Marginalia.Annotations.Export;

/// <summary>
/// Converts UTF-16 offsets into a text to Unicode code point offsets, and cuts context around a span without ever
/// splitting a surrogate pair. The W3C model counts code points; C# strings (and Hypothesis) count UTF-16 units, so
/// every character outside the Basic Multilingual Plane (an emoji) would shift a TextPositionSelector by one.
/// </summary>
internal sealed class CodePointIndex
{
    // UTF-16 index of the high surrogate of every pair, ascending: offsets convert by binary search, so a thousand
    // notes over a long essay cost a thousand log-time lookups, not a thousand scans from the start.
    private readonly int[] _pairStarts;

    public CodePointIndex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pairStarts = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                pairStarts.Add(i);
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                // A lone surrogate is not a code point at all: no count over it would match another reader's.
                throw new ArgumentException($"the text has a lone surrogate at UTF-16 offset {i}", nameof(text));
            }
        }

        Text = text;
        _pairStarts = [.. pairStarts];
    }

    public string Text { get; }

    /// <summary>The length of the text in code points.</summary>
    public int Length => ToCodePoints(Text.Length);

    /// <summary>The code point offset of a UTF-16 offset (0 ≤ offset ≤ length, never between the halves of a pair).</summary>
    public int ToCodePoints(int utf16Offset)
    {
        CheckBoundary(utf16Offset, nameof(utf16Offset));

        // Each pair that ends at or before the offset counted two units for one code point.
        var pairsBefore = UpperBound(utf16Offset - 2);
        return utf16Offset - pairsBefore;
    }

    /// <summary>Up to <paramref name="maxCodePoints"/> code points immediately before <paramref name="utf16Offset"/>.</summary>
    public string Preceding(int utf16Offset, int maxCodePoints)
    {
        CheckBoundary(utf16Offset, nameof(utf16Offset));
        ArgumentOutOfRangeException.ThrowIfNegative(maxCodePoints);
        var start = utf16Offset;
        for (var taken = 0; taken < maxCodePoints && start > 0; taken++)
        {
            start -= start >= 2 && char.IsLowSurrogate(Text[start - 1]) && char.IsHighSurrogate(Text[start - 2]) ? 2 : 1;
        }

        return Text[start..utf16Offset];
    }

    /// <summary>Up to <paramref name="maxCodePoints"/> code points immediately after <paramref name="utf16Offset"/>.</summary>
    public string Following(int utf16Offset, int maxCodePoints)
    {
        CheckBoundary(utf16Offset, nameof(utf16Offset));
        ArgumentOutOfRangeException.ThrowIfNegative(maxCodePoints);
        var end = utf16Offset;
        for (var taken = 0; taken < maxCodePoints && end < Text.Length; taken++)
        {
            end += end + 1 < Text.Length && char.IsHighSurrogate(Text[end]) && char.IsLowSurrogate(Text[end + 1]) ? 2 : 1;
        }

        return Text[utf16Offset..end];
    }

    /// <summary>Whether a UTF-16 offset lies between two code points (not inside a surrogate pair).</summary>
    public bool IsBoundary(int utf16Offset) =>
        utf16Offset >= 0 && utf16Offset <= Text.Length
        && !(utf16Offset > 0 && utf16Offset < Text.Length
             && char.IsHighSurrogate(Text[utf16Offset - 1]) && char.IsLowSurrogate(Text[utf16Offset]));

    private void CheckBoundary(int utf16Offset, string paramName)
    {
        if (!IsBoundary(utf16Offset))
        {
            throw new ArgumentOutOfRangeException(paramName, utf16Offset,
                $"not a code point boundary of a text of {Text.Length} UTF-16 units");
        }
    }

    /// <summary>How many pair starts are ≤ <paramref name="value"/>.</summary>
    private int UpperBound(int value)
    {
        int low = 0, high = _pairStarts.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_pairStarts[middle] <= value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}

using System.Text;

namespace Marginalia.Text;

/// <summary>
/// A writer that passes on only what XML 1.0 can hold, as <see cref="XmlCharacters.Clean"/> does for a string, for
/// markup serialised a piece at a time: the book's essay chapter is tens of megabytes at scale, and cleaning it as one
/// string made four copies of it. A surrogate pair split between two writes is kept whole.
/// </summary>
internal sealed class XmlCharactersWriter(TextWriter inner) : TextWriter
{
    /// <summary>The characters XML holds on their own: all it allows but the halves of surrogate pairs.</summary>
    private static readonly System.Buffers.SearchValues<char> Plain = System.Buffers.SearchValues.Create(
        [.. "\t\n\r", .. Enumerable.Range(0x20, 0xD800 - 0x20).Select(c => (char)c), .. Enumerable.Range(0xE000, 0xFFFE - 0xE000).Select(c => (char)c)]);

    private char? _high;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (_high is { } high)
        {
            _high = null;
            if (char.IsLowSurrogate(value))
            {
                inner.Write(high);
                inner.Write(value);
                return;
            }
        }

        if (char.IsHighSurrogate(value))
        {
            _high = value;
        }
        else if (XmlCharacters.IsAllowed(value))
        {
            inner.Write(value);
        }
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        // The runs XML holds as they are (nearly all the text) go on in one piece; the rest a character at a time.
        while (!buffer.IsEmpty)
        {
            var plain = _high is null ? buffer.IndexOfAnyExcept(Plain) : 0;
            if (plain < 0)
            {
                inner.Write(buffer);
                return;
            }

            inner.Write(buffer[..plain]);
            Write(buffer[plain]);
            buffer = buffer[(plain + 1)..];
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Flush()
    {
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        // A high surrogate with nothing after it is dropped, as Clean drops a lone one.
        _high = null;
        base.Dispose(disposing);
    }
}

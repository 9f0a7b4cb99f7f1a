using System.Text;

namespace Marginalia.Text;

/// <summary>
/// A writer that passes on only what XML 1.0 can hold, as <see cref="XmlCharacters.Clean"/> does for a string, for
/// markup serialised a piece at a time: the book's essay chapter is tens of megabytes at scale, and cleaning it as one
/// string made four copies of it. A surrogate pair split between two writes is kept whole.
/// </summary>
internal sealed class XmlCharactersWriter(TextWriter inner) : TextWriter
{
    /// <summary>
    /// The characters XML does not hold on their own: the controls but tab, line feed and carriage return, the halves
    /// of surrogate pairs, U+FFFE and U+FFFF. Listed as the 2,079 that need a look rather than the 63,000 that do not,
    /// which took SearchValues 1.5 ms to set up, in every process that wrote a book.
    /// </summary>
    private static readonly System.Buffers.SearchValues<char> NotPlain = System.Buffers.SearchValues.Create(NotPlainCharacters());

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
            var plain = _high is null ? buffer.IndexOfAny(NotPlain) : 0;
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

    private static char[] NotPlainCharacters()
    {
        var characters = new List<char>(2079);
        for (var c = 0; c < 0x20; c++)
        {
            if (c is not ('\t' or '\n' or '\r'))
            {
                characters.Add((char)c);
            }
        }

        for (var c = 0xD800; c <= 0xDFFF; c++)
        {
            characters.Add((char)c);
        }

        characters.Add('\uFFFE');
        characters.Add('\uFFFF');
        return [.. characters];
    }
}

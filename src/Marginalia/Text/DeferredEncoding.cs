using System.Text;

namespace Marginalia.Text;

/// <summary>
/// A legacy code page that is made by the runtime's code-pages provider only when something first encodes, decodes or
/// asks about it beyond its number; until then it is that number (<see cref="DeferredCodePages"/>). Every member that
/// reads or writes text or describes the encoding passes to the real one, so it encodes and decodes as that does,
/// fallbacks included.
/// </summary>
/// <remarks>
/// One difference remains visible: <see cref="Encoding.EncoderFallback"/> and <see cref="Encoding.DecoderFallback"/>
/// cannot be overridden, so they report the runtime's replacement fallbacks while the real encoding's own (best fit
/// for most code pages) do the work. <see cref="Clone"/> hands out a copy of the real encoding, whose fallbacks can be
/// set and are used.
/// </remarks>
internal sealed class DeferredEncoding(int codePage) : Encoding(codePage)
{
    private Encoding? _real;

    /// <summary>Whether the real encoding has been made (tests; nothing else needs to know).</summary>
    internal bool IsMade => Volatile.Read(ref _real) is not null;

    private Encoding Real => Volatile.Read(ref _real) ?? Make();

    // Made at most once that anyone sees: a race only makes a second copy of the same thing, which is dropped.
    private Encoding Make()
    {
        var made = CodePagesEncodingProvider.Instance.GetEncoding(CodePage)
            ?? throw new NotSupportedException($"The code-pages provider has no encoding {CodePage}.");
        return Interlocked.CompareExchange(ref _real, made, null) ?? made;
    }

    public override string WebName => Real.WebName;

    public override string EncodingName => Real.EncodingName;

    public override string HeaderName => Real.HeaderName;

    public override string BodyName => Real.BodyName;

    public override int WindowsCodePage => Real.WindowsCodePage;

    public override bool IsBrowserDisplay => Real.IsBrowserDisplay;

    public override bool IsBrowserSave => Real.IsBrowserSave;

    public override bool IsMailNewsDisplay => Real.IsMailNewsDisplay;

    public override bool IsMailNewsSave => Real.IsMailNewsSave;

    public override bool IsSingleByte => Real.IsSingleByte;

    public override ReadOnlySpan<byte> Preamble => Real.Preamble;

    public override byte[] GetPreamble() => Real.GetPreamble();

    public override object Clone() => Real.Clone();

    public override bool IsAlwaysNormalized(NormalizationForm form) => Real.IsAlwaysNormalized(form);

    public override Encoder GetEncoder() => Real.GetEncoder();

    public override Decoder GetDecoder() => Real.GetDecoder();

    public override int GetMaxByteCount(int charCount) => Real.GetMaxByteCount(charCount);

    public override int GetMaxCharCount(int byteCount) => Real.GetMaxCharCount(byteCount);

    public override int GetByteCount(char[] chars, int index, int count) => Real.GetByteCount(chars, index, count);

    public override int GetByteCount(string s) => Real.GetByteCount(s);

    public override int GetByteCount(ReadOnlySpan<char> chars) => Real.GetByteCount(chars);

    public override unsafe int GetByteCount(char* chars, int count) => Real.GetByteCount(chars, count);

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
        Real.GetBytes(chars, charIndex, charCount, bytes, byteIndex);

    public override int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
        Real.GetBytes(s, charIndex, charCount, bytes, byteIndex);

    public override byte[] GetBytes(string s) => Real.GetBytes(s);

    public override int GetBytes(ReadOnlySpan<char> chars, Span<byte> bytes) => Real.GetBytes(chars, bytes);

    public override unsafe int GetBytes(char* chars, int charCount, byte* bytes, int byteCount) =>
        Real.GetBytes(chars, charCount, bytes, byteCount);

    public override int GetCharCount(byte[] bytes, int index, int count) => Real.GetCharCount(bytes, index, count);

    public override int GetCharCount(ReadOnlySpan<byte> bytes) => Real.GetCharCount(bytes);

    public override unsafe int GetCharCount(byte* bytes, int count) => Real.GetCharCount(bytes, count);

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
        Real.GetChars(bytes, byteIndex, byteCount, chars, charIndex);

    public override int GetChars(ReadOnlySpan<byte> bytes, Span<char> chars) => Real.GetChars(bytes, chars);

    public override unsafe int GetChars(byte* bytes, int byteCount, char* chars, int charCount) =>
        Real.GetChars(bytes, byteCount, chars, charCount);

    public override string GetString(byte[] bytes, int index, int count) => Real.GetString(bytes, index, count);

    public override bool Equals(object? value) => value is DeferredEncoding other ? Real.Equals(other.Real) : Real.Equals(value);

    public override int GetHashCode() => Real.GetHashCode();
}

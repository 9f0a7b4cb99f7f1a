using System.Text.Encodings.Web;

namespace Marginalia.Theme;

/// <summary>
/// Escapes only what HTML needs (&amp; &lt; &gt; &quot; &#39;). <see cref="HtmlEncoder.Default"/> also turns every
/// non-ASCII character into a numeric reference, which would write the essay's typographic quotes, dashes and any
/// emoji as entities in titles and metadata; this keeps them as characters.
/// </summary>
internal sealed class HtmlTextEncoder : TextEncoder
{
    public static HtmlTextEncoder Instance { get; } = new();

    public override int MaxOutputCharactersPerInputCharacter => 6;

    public override bool WillEncode(int unicodeScalar) => unicodeScalar is '&' or '<' or '>' or '"' or '\'';

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var span = new ReadOnlySpan<char>(text, textLength);
        return span.IndexOfAny("&<>\"'");
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var replacement = unicodeScalar switch
        {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            _ => null,
        };

        var output = new Span<char>(buffer, bufferLength);
        if (replacement is null)
        {
            // Not ours to escape: copy the scalar through (as one char or a surrogate pair).
            var rune = new System.Text.Rune(unicodeScalar);
            return rune.TryEncodeToUtf16(output, out numberOfCharactersWritten);
        }

        if (replacement.Length > bufferLength)
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        replacement.AsSpan().CopyTo(output);
        numberOfCharactersWritten = replacement.Length;
        return true;
    }
}

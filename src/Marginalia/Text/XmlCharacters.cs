using System.Text;

namespace Marginalia.Text;

/// <summary>
/// The characters XML 1.0 can hold (its Char production: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and paired
/// surrogates), and the one way text is made fit for it. Every XML writer (the feed, the sitemap, the EPUB's XHTML and
/// package documents) passes its text through <see cref="Clean"/>, so none of them can throw on a character HTML
/// tolerates; contributed bodies are refused before that with MG0614 or MG0620, so cleaning drops nothing real.
/// </summary>
internal static class XmlCharacters
{
    public static bool IsAllowed(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);

    /// <summary>True for a code point XML 1.0 can hold (a numeric character reference's value).</summary>
    public static bool IsAllowed(int codePoint) =>
        codePoint is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);

    /// <summary>The index of the first character XML cannot hold (a lone surrogate counts), or -1.</summary>
    public static int IndexOfInvalid(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!IsAllowed(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The text without the characters XML cannot hold; the same string when there is none.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = IndexOfInvalid(text);
        if (first < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (IsAllowed(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }
}

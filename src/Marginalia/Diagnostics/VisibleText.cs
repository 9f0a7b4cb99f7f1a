using System.Globalization;
using System.Text;

namespace Marginalia.Diagnostics;

/// <summary>
/// Text from the input made safe to show a maintainer: every character a terminal, a log viewer or a browser would
/// act on rather than show (C0 and C1 controls with ESC and CSI, DEL, bidirectional overrides and isolates,
/// zero-width and other format characters, line and paragraph separators, lone surrogates) is written as a visible
/// escape: <c>\x1B</c> for the controls up to U+00FF, <c>&lt;U+202E&gt;</c> for the others. Printed text then shows
/// exactly what is in the file and can neither clear the screen, move the cursor, fake a line of output nor
/// reorder what follows it.
/// </summary>
/// <remarks>
/// Applied once where every diagnostic is made (<see cref="Diagnostic"/>), and again by every writer of console
/// lines, so output that is not a diagnostic (a file name the watcher saw, a path written) is covered too. The
/// result holds none of those characters, so escaping it again changes nothing.
/// </remarks>
internal static class VisibleText
{
    /// <summary>True for a code point (or a lone surrogate's value) that is written as an escape.</summary>
    public static bool IsHidden(int codePoint)
    {
        if (codePoint is (>= 0xD800 and <= 0xDFFF) or 0xFFFE or 0xFFFF)
        {
            return true; // a lone surrogate, or a non-character some terminals act on
        }

        if (codePoint is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 or 0x034F)
        {
            return true; // blank fillers and the combining grapheme joiner: invisible, though not format characters
        }

        return CharUnicodeInfo.GetUnicodeCategory(codePoint) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate;
    }

    /// <summary>The text with every hidden character written as a visible escape; the same string when there is none.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        StringBuilder? result = null; // made at the first hidden character: most text has none and is returned as is
        for (var i = 0; i < text.Length;)
        {
            int codePoint;
            int width;
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out width) == System.Buffers.OperationStatus.Done)
            {
                codePoint = rune.Value;
            }
            else
            {
                (codePoint, width) = (text[i], 1); // a lone surrogate: shown by its own value
            }

            if (IsHidden(codePoint))
            {
                result ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
                result.Append(codePoint < 0xA0
                    ? string.Create(CultureInfo.InvariantCulture, $"\\x{codePoint:X2}")
                    : string.Create(CultureInfo.InvariantCulture, $"<U+{codePoint:X4}>"));
            }
            else
            {
                result?.Append(text, i, width);
            }

            i += width;
        }

        return result?.ToString() ?? text;
    }
}

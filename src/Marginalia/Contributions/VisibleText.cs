using System.Globalization;
using AngleSharp.Dom;

namespace Marginalia.Contributions;

/// <summary>
/// Whether sanitised HTML shows a reader anything: a character that is not white space (no-break spaces included),
/// not a format or control character and not a blank such as U+2800, or an image with a description. A body of only a
/// link reference definition, <c>&amp;nbsp;</c>, a rule, empty emphasis or an empty link renders to nothing visible.
/// </summary>
internal static class VisibleText
{
    /// <summary>Whether the element (a sanitised body, as the sanitiser left its DOM) shows anything.</summary>
    public static bool Any(IElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return HasVisible(root.TextContent) || root.QuerySelectorAll("img[alt]").Any(i => HasVisible(i.GetAttribute("alt") ?? string.Empty));
    }

    private static bool HasVisible(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c is '\u2800' or '\u3164' or '\u115F' or '\u1160' or '\uFFA0')
            {
                continue;
            }

            var category = char.GetUnicodeCategory(text, i);
            if (category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator))
            {
                return true;
            }
        }

        return false;
    }
}

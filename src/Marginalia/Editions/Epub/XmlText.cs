using Marginalia.Text;

namespace Marginalia.Editions.Epub;

/// <summary>
/// Text made safe for XML: escaped for element content and attribute values, and cleared of the characters XML 1.0
/// cannot hold at all (C0 controls, lone surrogates, U+FFFE), which HTML tolerates but make an EPUB unreadable.
/// </summary>
internal static class XmlText
{
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Clean(text).Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal);
    }

    public static string Clean(string text) => XmlCharacters.Clean(text);
}

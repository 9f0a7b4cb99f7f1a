using System.Text;
using System.Xml;
using System.Xml.Linq;
using Marginalia.Text;

namespace Marginalia.Discovery;

/// <summary>Serialises XML the same way every time: UTF-8 declaration, two-space indent, LF line ends.</summary>
internal static class XmlText
{
    public static string Serialize(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        Clean(document);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            document.Save(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// XmlWriter throws on a character XML cannot hold, which would fail the whole build from one note's text: every
    /// text node and attribute is cleared of them here, the one place the feed and the sitemap become XML.
    /// </summary>
    private static void Clean(XDocument document)
    {
        foreach (var text in document.DescendantNodes().OfType<XText>())
        {
            text.Value = XmlCharacters.Clean(text.Value);
        }

        foreach (var attribute in document.Descendants().Attributes())
        {
            attribute.Value = XmlCharacters.Clean(attribute.Value);
        }
    }
}

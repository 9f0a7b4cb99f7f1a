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
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };

        // Written as text, not as bytes decoded again: at 1× the feed is a megabyte, and a stream, its array, its
        // string and that string with the last line end were four copies of it.
        using var text = new Utf8StringWriter();
        using (var writer = XmlWriter.Create(text, settings))
        {
            document.Save(writer);
        }

        text.Write('\n');
        return text.ToString();
    }

    /// <summary>A string writer the XML declaration reads as UTF-8, the encoding the file is written in.</summary>
    private sealed class Utf8StringWriter() : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
    {
        private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

        public override Encoding Encoding => Utf8;
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

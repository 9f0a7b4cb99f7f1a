using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Marginalia.Discovery;

/// <summary>Serialises XML the same way every time: UTF-8 declaration, two-space indent, LF line ends.</summary>
internal static class XmlText
{
    public static string Serialize(XDocument document)
    {
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
}

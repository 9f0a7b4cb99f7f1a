using System.Text;
using System.Xml;

namespace Marginalia.Editions.Epub;

/// <summary>
/// The package document (<c>content.opf</c>): the book's metadata, including what a reader who uses assistive
/// technology needs to know before opening it (schema.org accessibility properties), its manifest and its spine.
/// </summary>
internal static class PackageDocument
{
    public const string Path = "EPUB/content.opf";

    private const string Opf = "http://www.idpf.org/2007/opf";
    private const string Dc = "http://purl.org/dc/elements/1.1/";

    /// <summary>What the book offers for structural navigation; images, when there are any, carry their alt text.</summary>
    private static readonly string[] Features = ["structuralNavigation", "tableOfContents", "readingOrder", "annotations"];

    /// <param name="chapters">What each chapter after the essay holds, for the accessibility summary (<see cref="BookChapter.Summary"/>).</param>
    public static byte[] Write(EpubMetadata metadata, IReadOnlyList<EpubItem> items, bool hasImages, IReadOnlyList<string>? chapters = null)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(items);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
        };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("package", Opf);
            xml.WriteAttributeString("version", "3.0");
            xml.WriteAttributeString("unique-identifier", "pub-id");
            xml.WriteAttributeString("xml", "lang", null, Clean(metadata.Language));

            xml.WriteStartElement("metadata", Opf);
            xml.WriteAttributeString("xmlns", "dc", null, Dc);
            Dublin(xml, "identifier", metadata.Identifier, id: "pub-id");
            Dublin(xml, "title", metadata.Title);
            Dublin(xml, "creator", metadata.Author, id: "author");
            Meta(xml, "role", "aut", refines: "#author", scheme: "marc:relators");
            Dublin(xml, "publisher", metadata.Publisher);
            Dublin(xml, "language", metadata.Language);
            if (metadata.Published is { } published)
            {
                Dublin(xml, "date", published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }

            Dublin(xml, "description", metadata.Description);
            Dublin(xml, "source", metadata.Source.AbsoluteUri);
            Meta(xml, "dcterms:modified", metadata.ModifiedStamp);

            Meta(xml, "schema:accessMode", "textual");
            if (hasImages)
            {
                Meta(xml, "schema:accessMode", "visual");
            }

            Meta(xml, "schema:accessModeSufficient", "textual");
            foreach (var feature in hasImages ? [.. Features, "alternativeText"] : Features)
            {
                Meta(xml, "schema:accessibilityFeature", feature);
            }

            Meta(xml, "schema:accessibilityHazard", "none");
            Meta(xml, "schema:accessibilitySummary", AccessibilitySummary(chapters ?? []));
            xml.WriteEndElement();

            xml.WriteStartElement("manifest", Opf);
            foreach (var item in items)
            {
                xml.WriteStartElement("item", Opf);
                xml.WriteAttributeString("id", item.Id);
                xml.WriteAttributeString("href", item.Href);
                xml.WriteAttributeString("media-type", item.MediaType);
                if (item.Properties is not null)
                {
                    xml.WriteAttributeString("properties", item.Properties);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();

            xml.WriteStartElement("spine", Opf);
            foreach (var item in items.Where(i => i.InSpine))
            {
                xml.WriteStartElement("itemref", Opf);
                xml.WriteAttributeString("idref", item.Id);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// What the book holds, in words, for a reader deciding whether to open it: the essay, then the chapters the kinds
    /// added ("…, a glossary and the initiatives it names, each a chapter reached from the table of contents").
    /// </summary>
    internal static string AccessibilitySummary(IReadOnlyList<string> chapters)
    {
        var added = chapters.Count switch
        {
            0 => string.Empty,
            1 => $", {chapters[0]}, a chapter reached from the table of contents",
            _ => $", {string.Join(", ", chapters.Take(chapters.Count - 1))} and {chapters[^1]}, each a chapter reached from the table of contents",
        };
        return "The essay's text with its notes as footnotes linked from numbered markers" + added
            + "; headings mark every section. Nothing is conveyed by colour or sound alone.";
    }

    private static void Dublin(XmlWriter xml, string name, string value, string? id = null)
    {
        xml.WriteStartElement("dc", name, Dc);
        if (id is not null)
        {
            xml.WriteAttributeString("id", id);
        }

        xml.WriteString(Clean(value));
        xml.WriteEndElement();
    }

    private static void Meta(XmlWriter xml, string property, string value, string? refines = null, string? scheme = null)
    {
        xml.WriteStartElement("meta", Opf);
        if (refines is not null)
        {
            xml.WriteAttributeString("refines", refines);
        }

        xml.WriteAttributeString("property", property);
        if (scheme is not null)
        {
            xml.WriteAttributeString("scheme", scheme);
        }

        xml.WriteString(Clean(value));
        xml.WriteEndElement();
    }

    // XmlWriter throws on characters XML cannot hold; input text is cleared of them first.
    private static string Clean(string value) => XmlText.Clean(value);
}

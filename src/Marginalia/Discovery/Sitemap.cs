using System.Xml.Linq;

namespace Marginalia.Discovery;

/// <summary><c>sitemap.xml</c> (sitemaps.org protocol 0.9): every page's absolute canonical address, in a fixed order.</summary>
internal static class Sitemap
{
    public const string Path = "sitemap.xml";

    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static string Write(IEnumerable<Uri> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(Ns + "urlset", pages.Select(p => new XElement(Ns + "url", new XElement(Ns + "loc", p.AbsoluteUri)))));
        return XmlText.Serialize(document);
    }
}

using System.Globalization;
using System.Xml.Linq;

namespace Marginalia.Discovery;

/// <summary>
/// <c>feed.xml</c>, an Atom feed (RFC 4287) of the notes, newest first by their updated or created date, so readers
/// can follow new annotations. Dates come from the notes, never from the clock: the same input gives the same feed.
/// </summary>
internal static class AtomFeed
{
    public const string Path = "feed.xml";

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <param name="self">The feed's own address (also its id).</param>
    /// <param name="site">The page the feed is about (the reader).</param>
    /// <param name="fallbackUpdated">The feed's date when it has no entries (the essay's date).</param>
    public static string Write(string title, string subtitle, Uri self, Uri site, IReadOnlyList<FeedEntry> entries, DateOnly fallbackUpdated, string language)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var ordered = entries.OrderByDescending(e => e.Updated).ThenByDescending(e => e.Published).ThenBy(e => e.Id.AbsoluteUri, StringComparer.Ordinal).ToList();
        var updated = ordered.Count > 0 ? ordered[0].Updated : fallbackUpdated;
        var feed = new XElement(Atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", language),
            new XElement(Atom + "id", self.AbsoluteUri),
            new XElement(Atom + "title", title),
            new XElement(Atom + "subtitle", subtitle),
            new XElement(Atom + "updated", Timestamp(updated)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", "application/atom+xml"), new XAttribute("href", self.AbsoluteUri)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", site.AbsoluteUri)),
            new XElement(Atom + "author", new XElement(Atom + "name", "The editors and contributors")),
            ordered.Select(Entry));
        return XmlText.Serialize(new XDocument(new XDeclaration("1.0", "utf-8", null), feed));
    }

    private static XElement Entry(FeedEntry entry) => new(Atom + "entry",
        new XElement(Atom + "id", entry.Id.AbsoluteUri),
        new XElement(Atom + "title", entry.Title),
        new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", entry.Id.AbsoluteUri)),
        new XElement(Atom + "published", Timestamp(entry.Published)),
        new XElement(Atom + "updated", Timestamp(entry.Updated)),
        new XElement(Atom + "author", new XElement(Atom + "name", entry.Author), new XElement(Atom + "uri", entry.AuthorUri.AbsoluteUri)),
        new XElement(Atom + "content", new XAttribute("type", "html"), entry.ContentHtml));

    /// <summary>Atom wants a full date-time; notes have a date, so midnight UTC stands for the day.</summary>
    private static string Timestamp(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
}

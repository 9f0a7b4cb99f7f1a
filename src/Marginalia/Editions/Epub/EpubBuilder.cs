using System.Text;
using Marginalia.Annotations;
using Marginalia.Content;
using Marginalia.Glossary;
using Marginalia.Initiatives;
using Marginalia.Reader;

namespace Marginalia.Editions.Epub;

/// <summary>
/// Makes the EPUB 3 edition from the woven essay: its content documents, navigation, styles and images, the
/// package document that lists them, all zipped in a fixed order. A pure function of its input, so the same input
/// gives the same bytes.
/// </summary>
public static class EpubBuilder
{
    /// <summary>Where the publication's files sit inside the container.</summary>
    public const string Folder = "EPUB/";

    /// <param name="media">The site's media files by site path ("media/map.png"), for the images bodies show.</param>
    /// <param name="duplicates">Told of every id a content document gives more than one element (file in the book, id, count).</param>
    public static byte[] Build(ReaderResult reader, SiteSettings site, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> media,
        Action<string, IReadOnlyList<(string Id, int Count)>>? duplicates = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(media);
        var metadata = EpubMetadata.From(reader, site);
        var images = new BookImages(media);

        // Every id of the reader's essay, and the notes' own: what a link into the essay may land on in the book.
        var essayIds = Content.HtmlFragment.Parse(reader.Html).QuerySelectorAll("[id]").Select(e => e.Id!)
            .Concat(reader.Notes.Select(n => n.Note.ElementId))
            .ToHashSet(StringComparer.Ordinal);
        var links = new BookLinks(reader, site.BaseUrl, images, essayIds);
        var hasGlossary = reader.Terms.Length > 0;
        var hasInitiatives = reader.Initiatives.Length > 0;

        var items = new List<EpubItem>
        {
            new("nav", BookLinks.NavFile, EpubItem.XhtmlType, Checked(BookLinks.NavFile, NavigationDocument.Create(reader, essayIds, hasGlossary, hasInitiatives)), "nav"),
            new("css", XhtmlPage.StylesheetHref, "text/css", Encoding.UTF8.GetBytes(BookStylesheet.Css)),
            new("essay", BookLinks.EssayFile, EpubItem.XhtmlType, Checked(BookLinks.EssayFile, EssayChapter.Create(reader, links)), InSpine: true),
        };
        if (hasGlossary)
        {
            items.Add(new("glossary", BookLinks.GlossaryFile, EpubItem.XhtmlType, Checked(BookLinks.GlossaryFile, GlossaryChapter.Create(reader, links)), InSpine: true));
        }

        if (hasInitiatives)
        {
            items.Add(new("initiatives", BookLinks.InitiativesFile, EpubItem.XhtmlType, Checked(BookLinks.InitiativesFile, InitiativesChapter.Create(reader, links)), InSpine: true));
        }

        // Images last: they are known only once every document has been written.
        items.AddRange(images.Items());
        var package = PackageDocument.Write(metadata, items, images.Any);
        var files = items.Select(i => (Folder + i.Href, i.Content)).Prepend((PackageDocument.Path, (ReadOnlyMemory<byte>)package));
        return EpubArchive.Write(files, metadata.Modified);

        byte[] Checked(string file, XhtmlPage page)
        {
            if (duplicates is not null && page.DuplicateIds() is { Count: > 0 } repeated)
            {
                duplicates(file, repeated);
            }

            return page.ToBytes();
        }
    }
}

using System.Text;
using Marginalia.Content;
using Marginalia.Extensions;

namespace Marginalia.Editions.Epub;

/// <summary>
/// Makes the EPUB 3 edition from the woven essay: its content documents, navigation, styles and images, the
/// package document that lists them, all zipped in a fixed order. A pure function of its input, so the same input
/// gives the same bytes. What each kind of annotation adds (its footnotes, its chapters after the essay, its dates)
/// comes from the <see cref="IBookContributor"/>s it is given, in their order; it names no kind itself.
/// </summary>
internal static class EpubBuilder
{
    /// <summary>Where the publication's files sit inside the container.</summary>
    public const string Folder = "EPUB/";

    /// <param name="media">The site's media files by site path ("media/map.png"), for the images bodies show.</param>
    /// <param name="kinds">What each kind of annotation adds to the book, in the order its chapters follow the essay.</param>
    /// <param name="duplicates">Told of every id a content document gives more than one element (file in the book, id, count).</param>
    internal static byte[] Build(ReaderResult reader, SiteSettings site, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> media,
        IReadOnlyList<IBookContributor> kinds, Action<string, IReadOnlyList<(string Id, int Count)>>? duplicates = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(kinds);
        var metadata = EpubMetadata.From(reader, site, kinds.SelectMany(k => k.Dates(reader)));
        var images = new BookImages(media);
        var chapters = Chapters(reader, kinds);

        // Every id of the woven essay, and those of what the kinds add to it: what a link into the essay may land on.
        var essayIds = reader.Woven.Attributes("[id]", "id")
            .Concat(kinds.SelectMany(k => k.EssayIds(reader)))
            .ToHashSet(StringComparer.Ordinal);
        var links = new BookLinks(reader, site.BaseUrl, images, essayIds, chapters);

        var items = new List<EpubItem>
        {
            new("nav", BookLinks.NavFile, EpubItem.XhtmlType, Checked(BookLinks.NavFile, NavigationDocument.Create(reader, essayIds, chapters)), "nav"),
            new("css", XhtmlPage.StylesheetHref, "text/css", Encoding.UTF8.GetBytes(BookStylesheet.Css)),
            new("essay", BookLinks.EssayFile, EpubItem.XhtmlType, Checked(BookLinks.EssayFile, EssayChapter.Create(reader, links, kinds, site)), InSpine: true),
        };
        foreach (var chapter in chapters)
        {
            items.Add(new(chapter.Id, chapter.File, EpubItem.XhtmlType, Checked(chapter.File, chapter.Write(links)), InSpine: true));
        }

        // Images last: they are known only once every document has been written.
        items.AddRange(images.Items());
        var package = PackageDocument.Write(metadata, items, images.Any, [.. chapters.Select(c => c.Summary)]);
        var files = items.Select(i => (Folder + i.Href, i.Content)).Prepend((PackageDocument.Path, (ReadOnlyMemory<byte>)package));
        return EpubArchive.Write(files, metadata.Modified);

        ReadOnlyMemory<byte> Checked(string file, XhtmlPage page)
        {
            if (duplicates is not null && page.DuplicateIds() is { Count: > 0 } repeated)
            {
                duplicates(file, repeated);
            }

            return page.ToBytes();
        }
    }

    /// <summary>
    /// The kinds' chapters, refused when two would share a manifest id or a file (with each other or with the book's
    /// own documents): that is a kind's mistake, not the input's, and would make a book no reading system opens.
    /// </summary>
    private static List<BookChapter> Chapters(ReaderResult reader, IReadOnlyList<IBookContributor> kinds)
    {
        var chapters = kinds.SelectMany(k => k.Chapters(reader)).ToList();
        var ids = new HashSet<string>(["nav", "css", "essay"], StringComparer.Ordinal);
        var files = new HashSet<string>([BookLinks.NavFile, BookLinks.EssayFile, XhtmlPage.StylesheetHref], StringComparer.Ordinal);
        foreach (var chapter in chapters)
        {
            if (!ids.Add(chapter.Id) || !files.Add(chapter.File))
            {
                throw new InvalidOperationException($"Two documents of the book would share the id \"{chapter.Id}\" or the file \"{chapter.File}\".");
            }
        }

        return chapters;
    }
}

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

        // The kinds' chapters are documents of their own: written on another core while this one makes the essay's
        // chapter, which is about half the book's time. The book ends last in most builds, with the other core idle.
        // Each document's repeated ids are reported afterwards, in the book's order, whichever finished first.
        // (Parallel.Invoke runs what no other thread has taken on this one, so a busy pool delays nothing.)
        var nav = Written(BookLinks.NavFile, NavigationDocument.Create(reader, essayIds, chapters));
        WrittenDocument essay = default;
        var others = new List<WrittenDocument>();
        Parallel.Invoke(
            () => essay = Written(BookLinks.EssayFile, EssayChapter.Create(reader, links, kinds, site)),
            () => others.AddRange(chapters.Select(c => Written(c.File, c.Write(links)))));
        foreach (var (file, repeated, _) in others.Prepend(essay).Prepend(nav).Where(d => d.Repeated.Count > 0))
        {
            duplicates?.Invoke(file, repeated);
        }

        var items = new List<EpubItem>
        {
            new("nav", BookLinks.NavFile, EpubItem.XhtmlType, nav.Bytes, "nav"),
            new("css", XhtmlPage.StylesheetHref, "text/css", Encoding.UTF8.GetBytes(BookStylesheet.Css)),
            new("essay", BookLinks.EssayFile, EpubItem.XhtmlType, essay.Bytes, InSpine: true),
        };
        items.AddRange(chapters.Select((chapter, i) => new EpubItem(chapter.Id, chapter.File, EpubItem.XhtmlType, others[i].Bytes, InSpine: true)));

        // Images last: they are known only once every document has been written.
        items.AddRange(images.Items());
        var package = PackageDocument.Write(metadata, items, images.Any, [.. chapters.Select(c => c.Summary)]);
        var files = items.Select(i => (Folder + i.Href, i.Content)).Prepend((PackageDocument.Path, (ReadOnlyMemory<byte>)package));
        return EpubArchive.Write(files, metadata.Modified);

        // A document's bytes, and its repeated ids when anyone asks (a book with one fails epubcheck).
        WrittenDocument Written(string file, XhtmlPage page) => new(file, duplicates is null ? [] : page.DuplicateIds(), page.ToBytes());
    }

    /// <summary>A content document as the book holds it, with the ids more than one of its elements has.</summary>
    private readonly record struct WrittenDocument(string File, IReadOnlyList<(string Id, int Count)> Repeated, ReadOnlyMemory<byte> Bytes);

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

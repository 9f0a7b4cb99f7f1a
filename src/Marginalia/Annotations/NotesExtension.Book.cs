using AngleSharp.Dom;
using Marginalia.Editions.Epub;
using Marginalia.Extensions;
using Marginalia.Markup;

namespace Marginalia.Annotations;

/// <summary>
/// Notes in the EPUB: no chapter of their own, but every note as a footnote in the essay's chapter. That is every note
/// <c>reader.Notes</c> holds, the author's own footnotes among them (the footnotes kind hands them on as notes, numbered
/// with the rest), so they keep one reading order.
/// </summary>
internal sealed partial class NotesExtension : IBookContributor
{
    public IEnumerable<BookChapter> Chapters(ReaderResult reader) => [];

    public IEnumerable<string> EssayIds(ReaderResult reader) => reader.Notes.Select(n => n.Note.ElementId);

    public IEnumerable<(string BlockId, IElement Footnote)> Footnotes(XhtmlPage page, ReaderResult reader)
    {
        var bodies = page.Fragments([.. reader.Notes.Select(n => n.Note.BodyHtml)], "div", MarkupNames.NoteBody);
        return reader.Notes.Select((n, i) => (n.BlockId, BookFootnote.Create(page, n, bodies[i])));
    }

    /// <summary>
    /// When notes were created and updated, unanchored ones too. The author's own footnotes carry the essay's
    /// publication date, not a date anything was written here, so they give none.
    /// </summary>
    public IEnumerable<DateOnly> Dates(ReaderResult reader) =>
        reader.Notes.Select(n => n.Note).Concat(reader.Unanchored)
            .Where(n => n.Kind != NoteKind.Author)
            .SelectMany(n => n.Updated is { } updated ? [n.Created, updated] : new[] { n.Created });
}

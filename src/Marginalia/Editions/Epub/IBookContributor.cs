using AngleSharp.Dom;
using Marginalia.Extensions;

namespace Marginalia.Editions.Epub;

/// <summary>
/// What a kind of annotation adds to the EPUB: its chapters after the essay, the footnotes it places in the essay's
/// chapter, and the dates its pieces were written. The book asks the kinds it is given (the site gives it every
/// registered reader extension that is one) and names none itself. It lives beside the book's building blocks, not
/// with the registry or the reader-extension seam, so the kinds can use those blocks and neither the book nor the seam
/// needs the other's side.
/// </summary>
internal interface IBookContributor
{
    /// <summary>The kind's chapters, in the order they follow the essay; none when the kind has nothing in this book.</summary>
    IEnumerable<BookChapter> Chapters(ReaderResult reader) => [];

    /// <summary>The ids of the elements the kind adds to the essay's chapter (its footnotes), which links may land on.</summary>
    IEnumerable<string> EssayIds(ReaderResult reader) => [];

    /// <summary>
    /// The kind's footnotes, made in the essay's <paramref name="page"/> in reading order, each with the block it
    /// belongs to: the essay's chapter places each after that block's section.
    /// </summary>
    IEnumerable<(string BlockId, IElement Footnote)> Footnotes(XhtmlPage page, ReaderResult reader) => [];

    /// <summary>The dates the kind's pieces were written or updated, of which the newest is the book's <c>dcterms:modified</c>.</summary>
    IEnumerable<DateOnly> Dates(ReaderResult reader) => [];
}

using Marginalia.Editions.Epub;
using Marginalia.Extensions;

namespace Marginalia.Footnotes;

/// <summary>
/// The author's footnotes in the EPUB: nothing of this kind's own. It hands its footnotes on as notes, so the notes
/// kind places them in the essay's chapter with the others, in one reading order; and they carry the essay's date,
/// not a date anything was written here, so they date nothing.
/// </summary>
internal sealed partial class FootnotesExtension : IBookContributor
{
    public IEnumerable<BookChapter> Chapters(ReaderResult reader) => [];
}

using Marginalia.Editions.Epub;
using Marginalia.Extensions;

namespace Marginalia.Initiatives;

/// <summary>Initiatives in the EPUB: a chapter of them when the essay mentions any, and their dates.</summary>
internal sealed partial class InitiativesExtension : IBookContributor
{
    public IEnumerable<BookChapter> Chapters(ReaderResult reader) =>
        reader.Initiatives.Length > 0 ? [new InitiativesChapter(reader)] : [];

    public IEnumerable<DateOnly> Dates(ReaderResult reader) =>
        reader.Initiatives.Select(i => i.Initiative.Created).OfType<DateOnly>();
}

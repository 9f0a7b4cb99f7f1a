using Marginalia.Editions.Epub;
using Marginalia.Extensions;

namespace Marginalia.Glossary;

/// <summary>Glossary terms in the EPUB: a glossary chapter when the essay has terms, and the terms' dates.</summary>
internal sealed partial class TermsExtension : IBookContributor
{
    public IEnumerable<BookChapter> Chapters(ReaderResult reader) =>
        reader.Terms.Length > 0 ? [new GlossaryChapter(reader)] : [];

    public IEnumerable<DateOnly> Dates(ReaderResult reader) =>
        reader.Terms.Select(t => t.Term.Created).OfType<DateOnly>();
}

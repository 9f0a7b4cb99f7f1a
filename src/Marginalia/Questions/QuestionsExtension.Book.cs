using Marginalia.Editions.Epub;
using Marginalia.Extensions;

namespace Marginalia.Questions;

/// <summary>Discussion questions in the EPUB: the reading guide as a chapter when the essay has questions.</summary>
internal sealed partial class QuestionsExtension : IBookContributor
{
    public IEnumerable<BookChapter> Chapters(ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.Questions.Length > 0 ? [new ReadingGuideChapter(reader)] : [];
    }
}

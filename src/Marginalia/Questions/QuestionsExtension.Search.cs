using Marginalia.Extensions;
using Marginalia.Search;

namespace Marginalia.Questions;

/// <summary>The discussion questions in the search: each question on the reading guide, found by its words and hints.</summary>
internal sealed partial class QuestionsExtension : ISearchContributor
{
    public IEnumerable<SearchEntry> SearchEntries(ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.Questions.Select(p => p.Question).Select(q => new SearchEntry(
            "Question",
            q.Text,
            ReadingGuide.Path + "#" + q.ElementId,
            PlainText.Collapse(string.Join(' ', q.Text, PlainText.Of(q.HintsHtml))),
            null));
    }
}

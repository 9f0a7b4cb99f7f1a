using System.Collections.Immutable;
using Marginalia.Contributions;

namespace Marginalia.Questions;

/// <summary>
/// A discussion question from <c>input/questions/&lt;id&gt;.md</c>, for reading groups and classes: the question, the
/// passage or section heading it is about (quote, prefix, suffix), who wrote it and when, how demanding it is, and
/// optional hints for whoever leads the discussion, as sanitised HTML.
/// </summary>
internal sealed record Question(
    string Id,
    string SourcePath,
    string Text,
    string Quote,
    string? Prefix,
    string? Suffix,
    QuestionLevel? Level,
    string Author,
    ImmutableArray<NoteSource> Sources,
    DateOnly Created,
    string HintsHtml)
{
    /// <summary>The prefix of every question's element id, on the reader page and in the reading guide.</summary>
    public const string IdPrefix = "question-";

    /// <summary>The question's anchor on any page that shows it; from its file id, so it survives reordering.</summary>
    public string ElementId => IdPrefix + Id;
}

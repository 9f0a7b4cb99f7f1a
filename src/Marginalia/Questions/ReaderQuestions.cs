using System.Collections.Immutable;
using Marginalia.Extensions;

namespace Marginalia.Questions;

/// <summary>The discussion questions of a woven essay, as the questions extension handed them on.</summary>
internal static class ReaderQuestions
{
    extension(ReaderResult reader)
    {
        /// <summary>Every placed question, in reading order.</summary>
        public ImmutableArray<PlacedQuestion> Questions => reader.Data.GetOrDefault(QuestionKeys.Placed, []);
    }
}

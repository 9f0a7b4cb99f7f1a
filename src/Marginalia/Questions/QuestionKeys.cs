using System.Collections.Immutable;
using Marginalia.Pipeline;

namespace Marginalia.Questions;

/// <summary>Metadata keys of the Questions pipeline, and of what questions hand on from the weave.</summary>
internal static class QuestionKeys
{
    /// <summary>A validated question file, on each document of the Questions pipeline.</summary>
    public static readonly MetadataKey<QuestionFile> QuestionFile = new("Questions.File");

    /// <summary>Every placed question, in reading order.</summary>
    public static readonly MetadataKey<ImmutableArray<PlacedQuestion>> Placed = new("Questions.Placed");
}

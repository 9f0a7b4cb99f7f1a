namespace Marginalia.Questions;

/// <summary>A question where it stands in the essay: the block (paragraph or heading) holding its passage, its section, and the passage's span.</summary>
internal sealed record PlacedQuestion(Question Question, string BlockId, string SectionId, int Start, int End)
{
    /// <summary>Whether the question is about a whole section (its quote is the section's heading) rather than a passage.</summary>
    public bool AboutSection { get; init; }
}

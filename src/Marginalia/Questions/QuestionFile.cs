using System.Collections.Immutable;
using Marginalia.Contributions;
using Marginalia.Diagnostics;

namespace Marginalia.Questions;

/// <summary>A question as read from its file: the question, plus where its fields are, so anchoring errors can point at them.</summary>
internal sealed record QuestionFile(Question Question, SourceLocation QuestionAt, SourceLocation QuoteAt, SourceLocation SelectorAt, ImmutableArray<XrefUse> Xrefs, ImmutableArray<string> Media) : IShowsMedia
{
    /// <summary>The file has errors of its own: its quote is still looked for, so every problem comes in one round, but it is never published.</summary>
    public bool Rejected { get; init; }
}

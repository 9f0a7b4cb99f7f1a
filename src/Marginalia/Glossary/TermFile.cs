using System.Collections.Immutable;
using Marginalia.Contributions;
using Marginalia.Diagnostics;

namespace Marginalia.Glossary;

/// <summary>A term as read from its file, with where each form is written, for diagnostics about them.</summary>
internal sealed record TermFile(GlossaryTerm Term, ImmutableArray<SourceLocation> FormAt, ImmutableArray<XrefUse> Xrefs, ImmutableArray<string> Media) : IShowsMedia
{
    /// <summary>The file has errors of its own: it is matched against the essay so those errors come with the rest, but never published.</summary>
    public bool Rejected { get; init; }
}

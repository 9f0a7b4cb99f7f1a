using System.Collections.Immutable;
using Marginalia.Contributions;
using Marginalia.Diagnostics;

namespace Marginalia.Initiatives;

/// <summary>An initiative as read from its file, with where each mention is written, for diagnostics about them.</summary>
internal sealed record InitiativeFile(Initiative Initiative, ImmutableArray<SourceLocation> MentionAt, ImmutableArray<XrefUse> Xrefs, ImmutableArray<string> Media) : IShowsMedia
{
    /// <summary>The file has errors of its own: its mentions are looked for so those errors come with the rest, but it is never published.</summary>
    public bool Rejected { get; init; }
}

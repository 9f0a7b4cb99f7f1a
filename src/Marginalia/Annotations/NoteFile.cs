using System.Collections.Immutable;
using Marginalia.Contributions;
using Marginalia.Diagnostics;

namespace Marginalia.Annotations;

/// <summary>A note as read from its file: the note, plus where its fields are, so anchoring errors can point at them.</summary>
internal sealed record NoteFile(Note Note, SourceLocation QuoteAt, SourceLocation SelectorAt, ImmutableArray<XrefUse> Xrefs, ImmutableArray<string> Media) : IShowsMedia
{
    /// <summary>The file's full path, for the one tool that edits it (<c>check --fix</c>); null for notes not read from a file.</summary>
    public string? FullPath { get; init; }

    /// <summary>The file has errors of its own: it is matched against the essay so those errors come with the rest, but never published.</summary>
    public bool Rejected { get; init; }
}

using System.Collections.Immutable;
using Marginalia.Annotations.Reanchoring;
using Marginalia.Pipeline;

namespace Marginalia.Annotations;

/// <summary>Metadata keys of the Annotations pipeline, and of what notes hand on from the weave.</summary>
internal static class AnnotationKeys
{
    /// <summary>A validated note file, on each document of the Annotations pipeline.</summary>
    public static readonly MetadataKey<NoteFile> NoteFile = new(nameof(NoteFile));

    /// <summary>Placed notes as the kinds that make notes collect them during a weave (contributed notes, footnotes).</summary>
    public static readonly MetadataKey<IReadOnlyList<AnchoredNote>> Anchored = new("Notes.Anchored");

    /// <summary>Every note of the woven essay, in reading order.</summary>
    public static readonly MetadataKey<ImmutableArray<AnchoredNote>> Notes = new("Notes.All");

    /// <summary>Notes written against an older essay that could not be placed again.</summary>
    public static readonly MetadataKey<ImmutableArray<Note>> Unanchored = new("Notes.Unanchored");

    /// <summary>Notes placed again after the essay changed, with what <c>check --fix</c> writes into their files.</summary>
    public static readonly MetadataKey<ImmutableArray<NoteRepair>> Repairs = new("Notes.Repairs");
}

namespace Marginalia.Annotations;

/// <summary>Where a note's quote was found: plain-text span [Start, End) of the essay and the block holding it.</summary>
public sealed record NoteAnchor(NoteFile File, int Start, int End, string BlockId);

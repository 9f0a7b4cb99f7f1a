namespace Marginalia.Annotations;

/// <summary>What anchoring decided: the notes placed in the essay, and those written against an older essay that could not be placed again.</summary>
internal sealed record QuoteMatches(IReadOnlyList<NoteAnchor> Anchors, IReadOnlyList<NoteFile> Unanchored)
{
    public static QuoteMatches None { get; } = new([], []);
}

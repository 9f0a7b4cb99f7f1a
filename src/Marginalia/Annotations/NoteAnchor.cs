using Marginalia.Annotations.Reanchoring;

namespace Marginalia.Annotations;

/// <summary>Where a note's quote was found: plain-text span [Start, End) of the essay and the block holding it.</summary>
internal sealed record NoteAnchor(NoteFile File, int Start, int End, string BlockId)
{
    /// <summary>Set when the note was placed again after the essay changed: the quote and selector that now find it.</summary>
    public Placement? Repair { get; init; }

    /// <summary>The note as it now stands in the essay: with a repair, its new quote, selector and the essay's version.</summary>
    public Note PlacedNote(string essayVersion) => Repair is null
        ? File.Note
        : File.Note with { Quote = Repair.Quote, Prefix = Repair.Prefix, Suffix = Repair.Suffix, EssayVersion = essayVersion };
}

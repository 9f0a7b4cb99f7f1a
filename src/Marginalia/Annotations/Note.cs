using System.Collections.Immutable;
using Marginalia.Contributions;

namespace Marginalia.Annotations;

/// <summary>
/// A validated note from <c>input/annotations/&lt;id&gt;.md</c> (or an author's footnote in the essay): where it points
/// (quote, prefix, suffix), who wrote it and when, and its body as sanitised HTML.
/// </summary>
internal sealed record Note(
    string Id,
    string SourcePath,
    string Quote,
    string? Prefix,
    string? Suffix,
    NoteKind Kind,
    string Author,
    ImmutableArray<NoteSource> Sources,
    DateOnly Created,
    DateOnly? Updated,
    string? Language,
    string? EssayVersion,
    string BodyHtml)
{
    /// <summary>The note's anchor in any page that shows it; from its file id, so it survives renumbering.</summary>
    public string ElementId => Contributions.PageIds.Note + Id;

    /// <summary>The id of its marker in the text, where the endnote's back link returns to.</summary>
    public string MarkerId => Contributions.PageIds.NoteMarker + Id;
}

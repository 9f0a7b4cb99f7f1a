using System.Collections.Immutable;
using Marginalia.Annotations;
using Marginalia.Annotations.Reanchoring;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Glossary;
using Marginalia.Initiatives;

namespace Marginalia.Reader;

/// <summary>
/// The annotated essay: its body HTML with passages marked and markers placed, its plain text (essay.txt) and that
/// text's version hash, every note in reading order, and the xref targets bodies may link to.
/// </summary>
public sealed record ReaderResult(
    Essay Essay,
    string Html,
    string Text,
    string Version,
    ImmutableArray<AnchoredNote> Notes,
    ImmutableArray<TermUse> Terms,
    ImmutableArray<InitiativeUse> Initiatives,
    XrefTargets Xrefs)
{
    /// <summary>Notes written against an older essay that could not be placed again (only in a build that allows them).</summary>
    public ImmutableArray<Note> Unanchored { get; init; } = [];

    /// <summary>Notes placed again after the essay changed, with what <c>check --fix</c> writes into their files.</summary>
    public ImmutableArray<NoteRepair> Repairs { get; init; } = [];

    /// <summary>Paragraph numbers ("¶ 7"), counted from 1 through the whole essay.</summary>
    public int ParagraphNumber(string paragraphId) =>
        Essay.Paragraphs.Select((p, i) => (p.Id, Number: i + 1)).FirstOrDefault(x => x.Id == paragraphId).Number;

    /// <summary>The section a block (paragraph or heading id) belongs to.</summary>
    public EssaySection SectionOf(string blockId) =>
        Essay.Sections.FirstOrDefault(s => s.Id == blockId || s.Paragraphs.Any(p => p.Id == blockId)) ?? Essay.Sections[0];
}

using System.Collections.Immutable;
using Marginalia.Annotations;
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
    /// <summary>Paragraph numbers ("¶ 7"), counted from 1 through the whole essay.</summary>
    public int ParagraphNumber(string paragraphId) =>
        Essay.Paragraphs.Select((p, i) => (p.Id, Number: i + 1)).FirstOrDefault(x => x.Id == paragraphId).Number;

    /// <summary>The section a block (paragraph or heading id) belongs to.</summary>
    public EssaySection SectionOf(string blockId) =>
        Essay.Sections.FirstOrDefault(s => s.Id == blockId || s.Paragraphs.Any(p => p.Id == blockId)) ?? Essay.Sections[0];
}

using System.Collections.Immutable;
using Marginalia.Annotations;
using Marginalia.Content;
using Marginalia.Contributions;

namespace Marginalia.Reader;

/// <summary>
/// The annotated essay: its body HTML with passages marked and markers placed, its plain text (essay.txt) and that
/// text's version hash, every note in reading order, and the xref targets bodies may link to.
/// </summary>
public sealed record ReaderResult(Essay Essay, string Html, string Text, string Version, ImmutableArray<AnchoredNote> Notes, XrefTargets Xrefs)
{
    /// <summary>The section a block (paragraph or heading id) belongs to.</summary>
    public EssaySection SectionOf(string blockId) =>
        Essay.Sections.FirstOrDefault(s => s.Id == blockId || s.Paragraphs.Any(p => p.Id == blockId)) ?? Essay.Sections[0];
}

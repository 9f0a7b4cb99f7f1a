using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Pipeline;

namespace Marginalia.Extensions;

/// <summary>
/// The annotated essay: the woven model (passages marked, markers placed and numbered: what the EPUB renders), the
/// web page's essay HTML (the model with the web's decorations: <see cref="WebDecorations"/>), its plain text (essay.txt) and that
/// text's version hash, the xref targets bodies may link to, and what each kind of annotation handed on from the weave
/// (<see cref="Data"/>, read through each kind's own accessors: <c>reader.Notes</c>, <c>reader.Terms</c>, ...).
/// </summary>
internal sealed record ReaderResult(
    Essay Essay,
    EssayBody Woven,
    Lazy<AnchoredHtml> Web,
    string Text,
    string Version,
    XrefTargets Xrefs,
    Metadata Data)
{
    /// <summary>
    /// The web page's essay HTML, made on first use: by the pages, so that what needs only the woven model or the
    /// text (the search index, the book) starts as soon as the weave ends. At 2,000 notes its copy, decorations and
    /// serialisation were a third of the weave, which runs alone while the other core waits.
    /// </summary>
    public string Html => Web.Value.Html;

    /// <summary>The ids and links of <see cref="Html"/>, read from the web page's DOM as it was written.</summary>
    public HtmlAnchors HtmlAnchors => Web.Value.Anchors;

    /// <summary>Paragraph numbers ("¶ 7"), counted from 1 through the whole essay; 0 for an id that is no paragraph's.</summary>
    public int ParagraphNumber(string paragraphId) =>
        EssayLookup.Of(Essay).Numbers.GetValueOrDefault(paragraphId);

    /// <summary>The section a block (paragraph or heading id) belongs to; the first section for an id that is neither.</summary>
    public EssaySection SectionOf(string blockId) =>
        EssayLookup.Of(Essay).Sections.GetValueOrDefault(blockId) ?? Essay.Sections[0];

    /// <summary>
    /// Paragraph numbers and sections by id, built once per essay: pages ask for them per note and per mention, and a
    /// scan of the essay per question made the notes page quadratic in its size. Kept off the record (in a weak table
    /// keyed by the essay) so the record's equality is unchanged.
    /// </summary>
    private sealed class EssayLookup
    {
        private static readonly ConditionalWeakTable<Essay, EssayLookup> Cache = [];

        private EssayLookup(Essay essay)
        {
            var number = 0;
            foreach (var section in essay.Sections)
            {
                // First claim wins, in the order the old scans looked: a section's own id, then its paragraphs.
                Sections.TryAdd(section.Id, section);
                foreach (var paragraph in section.Paragraphs)
                {
                    Numbers.TryAdd(paragraph.Id, ++number);
                    Sections.TryAdd(paragraph.Id, section);
                }
            }
        }

        public Dictionary<string, int> Numbers { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, EssaySection> Sections { get; } = new(StringComparer.Ordinal);

        public static EssayLookup Of(Essay essay) => Cache.GetValue(essay, e => new EssayLookup(e));
    }
}

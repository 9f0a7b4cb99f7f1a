using Marginalia.Annotations;
using Marginalia.Contributions;
using Marginalia.Extensions;
using Marginalia.Pipeline;
using Marginalia.Text;

namespace Marginalia.Footnotes;

/// <summary>
/// The author's footnotes in the weave. Their markers are in the essay itself (Markdown footnote references, which the
/// essay's renderer leaves as empty <c>a.note-ref</c>, known by reference with their labels), so this kind matches
/// nothing: after the weave it turns each marker into a note's marker, numbered in reading order with the contributed notes.
/// </summary>
internal sealed partial class FootnotesExtension
{
    private static readonly MetadataKey<IReadOnlyList<(Note Note, string BlockId)>> State = new("Footnotes.Placed");

    public string? LoaderPipeline => null;

    public BuildPipeline? CreateLoader() => null;

    public int Precedence => 10;

    public Metadata Load(IExecutionContext context, Metadata inputs) => inputs;

    public void Match(WeaveContext context)
    {
    }

    public void AfterWeave(WeaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var placed = new List<(Note, string)>();
        var bodies = context.Essay.Footnotes.ToDictionary(f => f.Label, f => f.Html, StringComparer.Ordinal);
        var ids = new UniqueIds();
        foreach (var marker in context.Root.QuerySelectorAll("a." + WeaveMarkup.MarkerClass).Where(context.FootnoteLabels.ContainsKey))
        {
            var label = context.FootnoteLabels[marker];
            var note = new Note(
                Id: ids.Claim(PageIds.AuthorFootnote + label),
                SourcePath: context.EssayPath,
                Quote: string.Empty,
                Prefix: null,
                Suffix: null,
                Kind: NoteKind.Author,
                Author: context.Essay.Info.Author,
                Sources: [],
                Created: context.Essay.Info.Published ?? DateOnly.MinValue,
                Updated: null,
                Language: null,
                EssayVersion: null,
                BodyHtml: bodies.GetValueOrDefault(label, string.Empty));
            marker.Id = note.MarkerId;
            marker.SetAttribute("href", "#" + note.ElementId);
            marker.SetAttribute("role", "doc-noteref");
            context.Markers[marker] = note.Id;
            placed.Add((note, TextIndex.NearestId(marker.ParentElement!)));
        }

        context.Keep(State, placed);
    }

    public void Collect(WeaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (note, blockId) in context.Kept(State, []))
        {
            context.Collect(AnnotationKeys.Anchored, new AnchoredNote(note, context.Numbers[note.Id], blockId, 0, 0));
        }
    }
}

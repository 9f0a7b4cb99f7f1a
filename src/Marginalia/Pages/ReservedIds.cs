using Marginalia.Annotations;
using Marginalia.Contributions;
using Marginalia.Diagnostics;
using Marginalia.Glossary;
using Marginalia.Initiatives;
using Marginalia.Reader;

namespace Marginalia.Pages;

/// <summary>
/// Refuses every note, term and initiative whose id would give an element id of another form (<see cref="PageIds"/>):
/// a note "fn-1" beside the author's footnote [^1] would make two "note-fn-1" and take over the footnote's links.
/// Checked before any page is rendered, against the layouts this build uses.
/// </summary>
public static class ReservedIds
{
    public static void Report(PageIds pageIds, ReaderResult reader, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(pageIds);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var notes = reader.Notes.Select(n => n.Note).Where(n => n.Kind != Annotations.NoteKind.Author).Concat(reader.Unanchored);
        var contributions = notes.Select(n => (IdOwner.Note, n.Id, n.SourcePath))
            .Concat(reader.Terms.Select(t => (IdOwner.Term, t.Term.Id, t.Term.SourcePath)))
            .Concat(reader.Initiatives.Select(i => (IdOwner.Initiative, i.Initiative.Id, i.Initiative.SourcePath)));
        foreach (var (owner, id, path) in contributions)
        {
            if (pageIds.Conflict(owner, id) is { } clash)
            {
                var kind = owner.ToString().ToLowerInvariant();
                diagnostics.Error(DiagnosticCodes.ReservedId, SourceLocation.File(path),
                    $"'{id}' is an id the site's pages use for their own elements: this {kind}'s element ids ({string.Join(", ", pageIds.IdsOf(owner, id))}) could equal {clash}",
                    $"rename the file, e.g. to '{owner.ToString().ToLowerInvariant()}-{id}{Path.GetExtension(path)}'");
            }
        }
    }
}

using Marginalia.Contributions;
using Marginalia.Diagnostics;
using Marginalia.Extensions;
using Marginalia.Reader;

namespace Marginalia.Pages;

/// <summary>
/// Refuses every piece whose id would give an element id of another form (<see cref="PageIds"/>): a note "fn-1"
/// beside the author's footnote [^1] would make two "note-fn-1" and take over the footnote's links. Checked before any
/// page is rendered, against the layouts this build uses, for the ids each kind declares (<see cref="IPageContributor.ElementIds"/>).
/// </summary>
internal static class ReservedIds
{
    public static void Report(PageIds pageIds, ReaderResult reader, DiagnosticBag diagnostics) => Report(pageIds, reader, diagnostics, ReaderExtensions.All);

    internal static void Report(PageIds pageIds, ReaderResult reader, DiagnosticBag diagnostics, IEnumerable<IPageContributor> kinds)
    {
        ArgumentNullException.ThrowIfNull(pageIds);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var (owner, id, path) in kinds.OrderBy(k => k.CreditOrder).SelectMany(k => k.ElementIds(reader)))
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

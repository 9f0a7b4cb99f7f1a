using Marginalia.Extensions;
using Marginalia.Search;

namespace Marginalia.Annotations;

/// <summary>The notes in the search: each note, the author's footnotes too, found by its body and its passage.</summary>
internal sealed partial class NotesExtension : ISearchContributor
{
    public IEnumerable<SearchEntry> SearchEntries(ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.Notes.Select(n => new SearchEntry(
            "Note",
            $"Note {n.Number}, {n.Note.Kind.Label().ToLowerInvariant()}, on {PassageLabel.Of(n, reader.Text)}",
            "index.html#" + n.Note.ElementId,
            PlainText.Of(n.Note.BodyHtml),
            n.Note.ElementId));
    }
}

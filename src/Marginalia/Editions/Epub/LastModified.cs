using Marginalia.Annotations;
using Marginalia.Glossary;
using Marginalia.Initiatives;
using Marginalia.Reader;

namespace Marginalia.Editions.Epub;

/// <summary>
/// When the edition last changed: the newest <c>created</c> or <c>updated</c> date of its notes, terms and
/// initiatives. Taken from the input and never from the clock, so rebuilding an unchanged input changes no byte.
/// </summary>
public static class LastModified
{
    /// <summary>The date used when the input dates nothing (a bare essay): the earliest a zip entry can carry.</summary>
    public static readonly DateOnly Fallback = new(1980, 1, 1);

    public static DateOnly Of(ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(reader);

        // The author's own footnotes carry the essay's publication date, not a date anything was written here.
        var notes = reader.Notes.Select(n => n.Note).Concat(reader.Unanchored).Where(n => n.Kind != NoteKind.Author);
        var dates = notes.SelectMany(n => n.Updated is { } updated ? [n.Created, updated] : new[] { n.Created })
            .Concat(reader.Terms.Select(t => t.Term.Created).OfType<DateOnly>())
            .Concat(reader.Initiatives.Select(i => i.Initiative.Created).OfType<DateOnly>())
            .ToList();
        var newest = dates.Count > 0 ? dates.Max() : reader.Essay.Info.Published ?? Fallback;
        return newest < Fallback ? Fallback : newest;
    }
}

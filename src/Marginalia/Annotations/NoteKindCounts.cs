namespace Marginalia.Annotations;

/// <summary>
/// How many notes of each kind a page holds, for the filter by kind on the reader and the notes page: the counts are
/// written at build time, so they are right before (and without) the script that makes them a filter.
/// </summary>
internal static class NoteKindCounts
{
    /// <summary>Each kind that has notes, in the order of <see cref="NoteKind"/> (the order readers see them in).</summary>
    public static List<NoteKindView> Of(IEnumerable<AnchoredNote> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var counts = new Dictionary<NoteKind, int>();
        foreach (var note in notes)
        {
            counts[note.Note.Kind] = counts.GetValueOrDefault(note.Note.Kind) + 1;
        }

        var views = new List<NoteKindView>(counts.Count);
        foreach (var kind in Enum.GetValues<NoteKind>())
        {
            if (counts.TryGetValue(kind, out var count))
            {
                views.Add(new NoteKindView(kind.Name(), kind.Label(), count));
            }
        }

        return views;
    }
}

/// <summary>A kind of note with how many the page has (<c>kind.name</c>, <c>kind.label</c>, <c>kind.count</c>).</summary>
internal sealed record NoteKindView(string Name, string Label, int Count);

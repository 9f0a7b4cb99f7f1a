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
        var counts = notes.GroupBy(n => n.Note.Kind).ToDictionary(g => g.Key, g => g.Count());
        return [.. Enum.GetValues<NoteKind>()
            .Where(counts.ContainsKey)
            .Select(kind => new NoteKindView(kind.Name(), kind.Label(), counts[kind]))];
    }
}

/// <summary>A kind of note with how many the page has (<c>kind.name</c>, <c>kind.label</c>, <c>kind.count</c>).</summary>
internal sealed record NoteKindView(string Name, string Label, int Count);

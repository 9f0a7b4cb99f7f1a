namespace Marginalia.Annotations;

/// <summary>The names of <see cref="NoteKind"/> as contributors write them and readers see them.</summary>
internal static class NoteKinds
{
    private static readonly (NoteKind Kind, string Name, string Label)[] Table =
    [
        (NoteKind.Context, "context", "Context"),
        (NoteKind.Source, "source", "Source"),
        (NoteKind.FactCheck, "fact-check", "Fact check"),
        (NoteKind.Counterpoint, "counterpoint", "Counterpoint"),
        (NoteKind.Translation, "translation", "Translation"),
        (NoteKind.Author, "author", "Author’s note"),
    ];

    /// <summary>The kinds a note file may name (the author's own footnotes are not one).</summary>
    public static IReadOnlyList<string> FileNames { get; } = [.. Table.Where(t => t.Kind != NoteKind.Author).Select(t => t.Name)];

    public static string Name(this NoteKind kind) => Table.First(t => t.Kind == kind).Name;

    public static string Label(this NoteKind kind) => Table.First(t => t.Kind == kind).Label;

    public static NoteKind? Parse(string name) =>
        Table.Where(t => t.Kind != NoteKind.Author && t.Name == name).Select(t => (NoteKind?)t.Kind).FirstOrDefault();
}

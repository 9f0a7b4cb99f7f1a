namespace Marginalia.Annotations.Export;

/// <summary>The W3C Web Annotation motivation (model §3.3.5) that says what a note of each kind does.</summary>
internal static class NoteKindMotivations
{
    public const string Commenting = "commenting";
    public const string Assessing = "assessing";
    public const string Questioning = "questioning";
    public const string Linking = "linking";

    public static string Motivation(this NoteKind kind) => kind switch
    {
        NoteKind.FactCheck => Assessing,
        NoteKind.Counterpoint => Questioning,

        // Context, a source, a translation and the author's own footnote all comment on the passage; the model has no
        // closer motivation for them ("describing" is for describing the target itself, not adding to it).
        NoteKind.Context or NoteKind.Source or NoteKind.Translation or NoteKind.Author => Commenting,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no motivation for this kind of note"),
    };
}

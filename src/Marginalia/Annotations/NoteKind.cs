namespace Marginalia.Annotations;

/// <summary>What a note does for the reader; written in front matter as <c>context</c>, <c>fact-check</c>, ….</summary>
internal enum NoteKind
{
    Context,
    Source,
    FactCheck,
    Counterpoint,
    Translation,

    /// <summary>The essay author's own footnote (<c>[^1]</c> in essay.md); never written in a note file.</summary>
    Author,
}

namespace Marginalia.Importing;

/// <summary>The family of an import file or of one annotation in it.</summary>
internal enum ImportFormat
{
    /// <summary>W3C Web Annotation JSON-LD: an annotation, a collection with its pages, a page, or an array.</summary>
    WebAnnotation,

    /// <summary>The Hypothesis API: a search response (<c>{"total", "rows"}</c>) or one annotation.</summary>
    Hypothesis,
}

namespace Marginalia.Annotations.Export;

/// <summary>
/// Where the export and the resources it points to are published, and what it says about the essay. Paths are
/// relative to <see cref="BaseUrl"/> as the site writes them; a page named <c>index.html</c> is addressed by its folder.
/// </summary>
/// <param name="BaseUrl">The site's absolute base URL, ending with '/'.</param>
/// <param name="Label">The collection's human-readable label.</param>
internal sealed record AnnotationExportSettings(Uri BaseUrl, string Label)
{
    public const string DefaultExportPath = "annotations.jsonld";
    public const string DefaultReaderPath = "index.html";

    /// <summary>The essay's author: the creator of the author's own footnotes (kind <see cref="NoteKind.Author"/>).</summary>
    public string? EssayAuthor { get; init; }

    public string EssayTextPath { get; init; } = EssayTextFile.DefaultPath;

    public string ReaderPath { get; init; } = DefaultReaderPath;

    public string ExportPath { get; init; } = DefaultExportPath;
}

namespace Marginalia.Importing;

/// <summary>A body that is a web resource rather than text (a "linking" body, or a bare IRI): its address and title.</summary>
internal sealed record ImportedLink(string Url, string? Title);

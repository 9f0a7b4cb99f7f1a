namespace Marginalia.Annotations;

/// <summary>A source a note cites: the page's real title and address.</summary>
internal sealed record NoteSource(string Title, Uri Url);

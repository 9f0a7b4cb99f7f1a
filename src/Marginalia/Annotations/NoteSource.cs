namespace Marginalia.Annotations;

/// <summary>A source a note cites: the page's real title and address.</summary>
public sealed record NoteSource(string Title, Uri Url);

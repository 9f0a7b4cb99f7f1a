namespace Marginalia.Theme;

/// <summary>A source a note, term or initiative cites, as layouts show it under "Sources".</summary>
internal sealed record SourceView(string Title, string Url);

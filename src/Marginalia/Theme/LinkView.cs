namespace Marginalia.Theme;

/// <summary>A link as layouts show it: its text and its address, written relative to the page that shows it.</summary>
internal sealed record LinkView(string Label, string Href);

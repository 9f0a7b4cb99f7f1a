namespace Marginalia.Importing;

/// <summary>A textual body: its text as given, its media type ("text/plain" when none is given), language and purpose.</summary>
internal sealed record ImportedBody(string Value, string Format, string? Language, string? Purpose);

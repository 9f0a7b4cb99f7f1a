namespace Marginalia.Importing;

/// <summary>
/// Where an annotation points: the target's source document, the quote with its context (TextQuoteSelector), the
/// code point span (TextPositionSelector, non-negative, start ≤ end) and the essay version our export records.
/// </summary>
internal sealed record ImportedTarget(string? Source, string? Exact, string? Prefix, string? Suffix, int? Start, int? End, string? EssayVersion);

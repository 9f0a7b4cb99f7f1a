namespace Marginalia.Annotations.Reanchoring;

/// <summary>
/// Where a note whose passage changed was placed again: the plain span and block, and the quote, prefix and suffix
/// that now select it (what <c>check --fix</c> writes into the note's file).
/// </summary>
internal sealed record Placement(int Start, int End, string BlockId, string Quote, string? Prefix, string? Suffix);

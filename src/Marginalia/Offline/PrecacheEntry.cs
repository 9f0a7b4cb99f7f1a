namespace Marginalia.Offline;

/// <summary>One file the service worker keeps for offline reading: its URL relative to the site's root and its revision.</summary>
/// <param name="Url">The output path as a relative URL, each segment percent-encoded ("media/a%20map.png").</param>
/// <param name="Revision">The first 12 hex digits of the SHA-256 of the file's bytes: a changed file has a new revision.</param>
internal readonly record struct PrecacheEntry(string Url, string Revision);

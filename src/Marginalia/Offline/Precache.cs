using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Marginalia.Pipeline;

namespace Marginalia.Offline;

/// <summary>
/// The list of files the service worker caches, and the version that names its cache. Both come from the bytes that
/// will be written and nothing else (no clock, no order of completion), so the same input gives the same list.
/// </summary>
internal static class Precache
{
    /// <summary>Hex digits kept of a SHA-256: 48 bits, far beyond any chance of two revisions of one file colliding.</summary>
    public const int HashLength = 12;

    /// <summary>Every document that will be written, as an entry, in ordinal order of its URL.</summary>
    public static ImmutableArray<PrecacheEntry> Entries(IEnumerable<Document> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return [.. ByUrl([.. documents.Where(d => d.Destination is not null).Select(d => new PrecacheEntry(UrlOf(d.Destination!), Revision(d)))])];
    }

    /// <summary>
    /// The entries in ordinal order of their URLs, equal URLs in the order given (as a stable sort keeps them). Sorted
    /// by index rather than with LINQ's OrderBy, whose sorter over this struct ReadyToRun cannot precompile.
    /// </summary>
    private static PrecacheEntry[] ByUrl(PrecacheEntry[] entries)
    {
        var order = new int[entries.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => string.CompareOrdinal(entries[a].Url, entries[b].Url) is var byUrl and not 0 ? byUrl : a.CompareTo(b));
        return Array.ConvertAll(order, i => entries[i]);
    }

    /// <summary>A file's revision: the first <see cref="HashLength"/> hex digits of the SHA-256 of its bytes.</summary>
    public static string Revision(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content))[..HashLength];

    /// <summary>A document's revision, hashed a piece at a time: the same as <see cref="Revision(ReadOnlySpan{byte})"/> of its bytes.</summary>
    public static string Revision(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        document.WriteBytes(hash.AppendData);
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..HashLength];
    }

    /// <summary>
    /// The version of a build for offline reading: a hash of every entry (URL and revision) and of the worker's own code,
    /// so a changed, added or removed file, or a changed worker, gives a new cache and the old one is dropped.
    /// </summary>
    public static string Version(IEnumerable<PrecacheEntry> entries, string workerCode)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(workerCode);
        var text = new StringBuilder();
        foreach (var entry in ByUrl([.. entries]))
        {
            text.Append(entry.Url).Append(' ').Append(entry.Revision).Append('\n');
        }

        text.Append('\n').Append(workerCode);
        return Revision(Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>An output path ("media/a map.png") as a URL relative to the site's root ("media/a%20map.png").</summary>
    public static string UrlOf(string destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return string.Join('/', destination.Split('/').Select(Uri.EscapeDataString));
    }
}

using System.Collections.Immutable;

namespace Marginalia.Pipeline;

/// <summary>
/// Every pipeline's documents from the last clean build through a <see cref="BuildCache"/>: what the preview's pages
/// pass carries instead of making again (<see cref="BuildContext.Carried"/>, <see cref="BuildContext.Shown"/>).
/// </summary>
internal sealed record LastOutputs(ImmutableDictionary<string, ImmutableArray<Document>> Documents)
{
    public const string Name = "engine:last-outputs";

    /// <summary>The last clean build's documents of <paramref name="pipeline"/> by destination, or null when there are none.</summary>
    public static Dictionary<string, Document>? ByDestination(BuildCache cache, string pipeline)
    {
        ArgumentNullException.ThrowIfNull(cache);
        return cache.Get<LastOutputs>(Name) is { } last && last.Documents.TryGetValue(pipeline, out var documents)
            ? documents.Where(d => d.Destination is not null).ToDictionary(d => d.Destination!, StringComparer.Ordinal)
            : null;
    }
}

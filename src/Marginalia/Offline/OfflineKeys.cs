using Marginalia.Pipeline;

namespace Marginalia.Offline;

/// <summary>Metadata keys of the Offline pipeline.</summary>
internal static class OfflineKeys
{
    /// <summary>The build's offline version (the service worker's cache is named for it), on the <c>sw.js</c> document.</summary>
    public static readonly MetadataKey<string> Version = new("OfflineVersion");
}

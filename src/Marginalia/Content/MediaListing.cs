using Marginalia.Diagnostics;
using Marginalia.Pipeline;

namespace Marginalia.Content;

/// <summary>
/// The files of <c>input/media/</c> as one string: part of the cache key of whatever checks its images against them
/// (the essay, each contributed body), so adding or removing a file reads those again.
/// </summary>
internal static class MediaListing
{
    /// <remarks>Listed as the media pipeline lists them (each folder once); that pipeline reports any link problem.</remarks>
    public static string Stamp(string media, BuildRoots roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        return string.Join('\n', InputTree.Files(media, "*", recursive: true, roots.Input, roots, new DiagnosticBag()));
    }
}

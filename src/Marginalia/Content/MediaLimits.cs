namespace Marginalia.Content;

/// <summary>
/// What <c>input/media/</c> may hold. A web photo or diagram is 50 KB–1 MB; the limits leave room for a large one
/// while bounding a build, the service worker's download and the single-file edition that inlines them.
/// </summary>
internal static class MediaLimits
{
    /// <summary>One file: 2 MiB, twice a full-screen JPEG photo (MG0120; refused before it is read).</summary>
    public const long MaxFileBytes = 2L * 1024 * 1024;

    /// <summary>The whole folder: 16 MiB, eight of the largest files or a hundred ordinary ones (MG0120).</summary>
    public const long MaxFolderBytes = 16L * 1024 * 1024;

    /// <summary>
    /// Pixels by the header: 25 million (a 6,000 × 4,000 photo) decode to 100 MB in a reader's browser; more is a
    /// decompression bomb, whose few KB of file decode to gigabytes (MG0118).
    /// </summary>
    public const long MaxPixels = 25_000_000;

    /// <summary>A side: 16,384 pixels, the largest canvas browsers reliably paint.</summary>
    public const long MaxSide = 16_384;
}

using Marginalia.Pipeline;

namespace Marginalia.Extensions;

/// <summary>
/// Where the reader's result is found: the Reader pipeline's name and its one key. Kept beside <see cref="ReaderResult"/>
/// rather than with the pipeline, so the outputs made from it (the EPUB, the single file, the feeds) need the result's
/// shape and not the reader, which names every kind.
/// </summary>
internal static class ReaderKeys
{
    public const string Pipeline = "Reader";

    public static readonly MetadataKey<ReaderResult> Result = new(nameof(Result));
}

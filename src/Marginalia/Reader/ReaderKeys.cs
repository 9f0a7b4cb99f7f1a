using Marginalia.Extensions;
using Marginalia.Pipeline;

namespace Marginalia.Reader;

/// <summary>Metadata keys of the Reader pipeline.</summary>
internal static class ReaderKeys
{
    public static readonly MetadataKey<ReaderResult> Result = new(nameof(Result));
}

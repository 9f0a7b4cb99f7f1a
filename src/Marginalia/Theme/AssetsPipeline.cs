using System.Collections.Immutable;
using System.Security.Cryptography;
using Marginalia.Content;
using Marginalia.Pipeline;

namespace Marginalia.Theme;

/// <summary>
/// Copies <c>theme/assets/</c> to <c>assets/</c>, stylesheets and scripts minified, with a content hash in every
/// file name ("site.3fa2c91b.css"), so the host can cache them forever and a changed file gets a new name.
/// </summary>
internal sealed class AssetsPipeline : BuildPipeline
{
    public const string PipelineName = "Assets";

    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase) { ".css", ".js", ".svg", ".json", ".txt", ".webmanifest" };

    public AssetsPipeline()
        : base(PipelineName)
    {
        InputModules.Add(new ReadFilesModule(roots => Path.Combine(roots.Theme, "assets"), "*", recursive: true,
            isText: path => TextExtensions.Contains(Path.GetExtension(path))));
        ProcessModules.Add(new FingerprintModule());
    }

    /// <summary>The output path of an asset: its folder and name with the first 8 hex digits of its SHA-256.</summary>
    public static string FingerprintedPath(string relativePath, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content))[..8];
        var extension = Path.GetExtension(relativePath);
        return $"assets/{relativePath[..^extension.Length]}.{hash}{extension}";
    }

    /// <summary>Maps asset names ("site.css") to their output paths, for layouts.</summary>
    public static ImmutableSortedDictionary<string, string> Map(IEnumerable<Document> assets) =>
        assets.ToImmutableSortedDictionary(a => a.Get(ThemeKeys.AssetName), a => a.Destination!, StringComparer.Ordinal);

    private sealed class FingerprintModule : SyncPerDocumentModule
    {
        protected override IReadOnlyList<Document> ExecuteDocument(Document input, IExecutionContext context)
        {
            var name = input.Get(ContentKeys.RelativePath);
            var published = input.Bytes is null
                ? input.WithContent(context.Build.Cache is { } cache
                    ? cache.GetOrAdd(BuildCache.Key(nameof(AssetMinifier), name, input.Content), context.Diagnostics, _ => Minify(name, input.Content, context.Build.Disk))
                    : Minify(name, input.Content, context.Build.Disk))
                : input;
            return [published.WithDestination(FingerprintedPath(name, published.ToBytes().Span)).With(ThemeKeys.AssetName, name)];
        }

        /// <summary>Minified, or the minified text another process kept on disk for these very bytes.</summary>
        private static string Minify(string name, string content, DiskCache? disk) =>
            disk is null
                ? AssetMinifier.Minify(name, content)
                : disk.GetOrAdd("assets", DiskCache.Key(nameof(AssetMinifier), AssetMinifier.Version, name, content), () => AssetMinifier.Minify(name, content))!;
    }
}

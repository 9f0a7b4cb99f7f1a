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

    /// <param name="bundles">Assets to publish also joined as one (<see cref="AssetBundle"/>), such as the reader's scripts.</param>
    public AssetsPipeline(IEnumerable<AssetBundle>? bundles = null)
        : base(PipelineName)
    {
        InputModules.Add(new ReadFilesModule(roots => Path.Combine(roots.Theme, "assets"), "*", recursive: true,
            isText: path => TextExtensions.Contains(Path.GetExtension(path))));
        ProcessModules.Add(new FingerprintModule());
        ProcessModules.Add(new BundleModule([.. bundles ?? []]));
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

    /// <summary>Adds each bundle whose parts were all published, after them, named for its content like they are.</summary>
    private sealed class BundleModule(AssetBundle[] bundles) : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
        {
            if (bundles.Length == 0)
            {
                return Task.FromResult(inputs);
            }

            var published = inputs.ToDictionary(d => d.Get(ThemeKeys.AssetName), StringComparer.Ordinal);
            var joined = bundles
                .Where(b => !published.ContainsKey(b.Name))
                .Select(b => (bundle: b, text: b.Join(published)))
                .Where(j => j.text is not null)
                .Select(j => new Document(null, FingerprintedPath(j.bundle.Name, System.Text.Encoding.UTF8.GetBytes(j.text!)), j.text!).With(ThemeKeys.AssetName, j.bundle.Name));
            return Task.FromResult(inputs.AddRange(joined));
        }
    }

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

using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Pipeline;

namespace Marginalia.Contributions;

/// <summary>
/// A folder of contributed files under <c>input/</c>, each read and validated in parallel into a typed file model.
/// Notes, glossary terms and initiatives are all this, with their own reader.
/// </summary>
internal abstract class ContributionsPipeline<TFile> : BuildPipeline, IContributionFolder
    where TFile : class
{
    protected ContributionsPipeline(string name, string folder, MetadataKey<TFile> key, Func<SourceText, string, DiagnosticBag, TFile?> read)
        : base(name)
    {
        InputFolder = folder;
        InputModules.Add(new ReadFilesModule(roots => Path.Combine(roots.Input, folder), "*.md"));
        InputModules.Add(new StrayFilesModule(folder));
        ProcessModules.Add(new ReadModule(key, read));
    }

    public string InputFolder { get; }

    private sealed class ReadModule(MetadataKey<TFile> key, Func<SourceText, string, DiagnosticBag, TFile?> read) : SyncPerDocumentModule
    {
        // One listing of media/ per build, not one per file read (a folder of many links is slow to list).
        private readonly System.Runtime.CompilerServices.ConditionalWeakTable<BuildContext, Lazy<string>> _stamps = new();

        protected override IReadOnlyList<Document> ExecuteDocument(Document input, IExecutionContext context)
        {
            var source = new SourceText(input.Source!, input.Source!, input.Content);
            var media = Path.Combine(context.Build.Roots.Input, MediaPipeline.Folder);
            string Stamp() => _stamps.GetValue(context.Build, build => new Lazy<string>(() => MediaListing.Stamp(media, build.Roots))).Value;

            // A body another build process rendered from the same inputs is read from disk instead of rendered again.
            using var bodies = context.Build.Disk is { } disk ? RenderedBodies.Use(disk, Stamp()) : null;
            var file = context.Build.Cache is { } cache
                ? cache.GetOrAdd(BuildCache.Key(key.Name, input.Source!, input.Content, Stamp()), context.Diagnostics, bag => read(source, media, bag))
                : read(source, media, context.Diagnostics);
            if (file is null)
            {
                return [];
            }

            var loaded = input.With(key, file);
            return [file is IShowsMedia shows ? loaded.With(ContentKeys.Media, shows.Media) : loaded];
        }
    }
}

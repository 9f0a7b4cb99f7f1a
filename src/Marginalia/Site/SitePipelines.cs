using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Discovery;
using Marginalia.Editions.Epub;
using Marginalia.Extensions;
using Marginalia.Editions.SingleFile;
using Marginalia.Offline;
using Marginalia.Output;
using Marginalia.Pages;
using Marginalia.Pipeline;
using Marginalia.Publishing;
using Marginalia.Reader;
using Marginalia.Search;
using Marginalia.Theme;

namespace Marginalia.Site;

/// <summary>The pipelines that make the essay site (docs/architecture.md draws what each reads and makes).</summary>
internal static class SitePipelines
{
    /// <summary>The pipelines whose documents are the published site; the Offline pipeline caches what they make.</summary>
    private static readonly string[] Published =
    [
        PagesPipeline.PipelineName, AssetsPipeline.PipelineName, MediaPipeline.PipelineName, PublishingPipeline.PipelineName,
        DiscoveryPipeline.PipelineName, SingleFilePipeline.PipelineName, EpubPipeline.PipelineName, SearchPipeline.PipelineName,
    ];

    /// <summary>
    /// What no page is made from: the editions, the search index, the feed and sitemap, the annotation export and
    /// plain text, and the offline list of them all. The preview's first pass after a save carries these from the
    /// build before (BuildOptions.Carried), so the changed pages are written and shown before they are remade.
    /// </summary>
    public static readonly IReadOnlySet<string> Editions = new HashSet<string>(
        [
            EpubPipeline.PipelineName, SingleFilePipeline.PipelineName, SearchPipeline.PipelineName, DiscoveryPipeline.PipelineName,
            PublishingPipeline.PipelineName, OfflinePipeline.PipelineName,
        ],
        StringComparer.Ordinal);

    /// <summary>
    /// The pipelines that read only files no path of <paramref name="changed"/> names: the essay, each contribution
    /// folder, the theme's layouts and assets. The preview's pages pass carries them with the editions, so a note's
    /// save does not read the glossary or the theme again. Only when every change is one of those sources: any other
    /// (site.yml, media/, a folder the build does not know) may touch anything, and then none is carried.
    /// </summary>
    /// <param name="changed">Changed paths as diagnostics show them (<see cref="BuildRoots.Display"/>).</param>
    public static IReadOnlySet<string> UnchangedSources(IReadOnlyList<string> changed, BuildRoots roots)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(roots);
        (string Pipeline, string Path)[] sources =
        [
            (EssayPipeline.PipelineName, roots.Display(Path.Combine(roots.Input, EssayPipeline.FileName))),
            (LayoutsPipeline.PipelineName, roots.Display(Path.Combine(roots.Theme, "layouts"))),
            (AssetsPipeline.PipelineName, roots.Display(Path.Combine(roots.Theme, "assets"))),
            .. ReaderExtensions.All.Select(e => e.CreateLoader()).OfType<IContributionFolder>()
                .Select(l => (l.Name, roots.Display(Path.Combine(roots.Input, l.InputFolder)))),
        ];
        static bool Names(string source, string path) =>
            path == source || path.StartsWith(source + "/", StringComparison.Ordinal);
        if (changed.Count == 0 || changed.Any(path => !sources.Any(source => Names(source.Path, path))))
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        return sources.Where(source => !changed.Any(path => Names(source.Path, path))).Select(source => source.Pipeline).ToHashSet(StringComparer.Ordinal);
    }

    public static IReadOnlyList<BuildPipeline> Create()
    {
        var loaders = ReaderExtensions.All.Select(e => e.CreateLoader()).OfType<BuildPipeline>().ToArray();
        return [.. Pipelines(loaders)];
    }

    private static IEnumerable<BuildPipeline> Pipelines(BuildPipeline[] loaders) =>
    [
        new EssayPipeline(),
        .. loaders,
        new MediaPipeline([.. loaders.OfType<IContributionFolder>().Select(l => (l.Name, l.InputFolder))]),
        new ReaderPipeline(),
        new LayoutsPipeline(),
        new AssetsPipeline(PageAssets.Bundles(ReaderExtensions.All)),
        new PagesPipeline(),
        new PublishingPipeline(),
        new SearchPipeline([.. ReaderExtensions.All.OfType<ISearchContributor>()]),
        new DiscoveryPipeline(),
        new SingleFilePipeline(),
        new EpubPipeline([.. ReaderExtensions.All.OfType<IBookContributor>()]),
        new OfflinePipeline(Published),
        new OutputPipeline([.. Published, OfflinePipeline.PipelineName]),
    ];
}

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

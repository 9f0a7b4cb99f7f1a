using System.Collections.Immutable;
using Marginalia.Content;
using Marginalia.Extensions;
using Marginalia.Pipeline;
using Marginalia.Reader;
using Marginalia.Theme;

namespace Marginalia.Offline;

/// <summary>
/// Makes the site readable offline and installable: <c>manifest.webmanifest</c> and <c>sw.js</c>, a service worker
/// that caches every file the site publishes. It reads the same pipelines the Output pipeline writes, so the worker's
/// list is the site, whatever pipeline a file comes from; the two files it makes are written beside them.
/// </summary>
internal sealed class OfflinePipeline : BuildPipeline
{
    public const string PipelineName = "Offline";

    /// <param name="published">The pipelines whose documents the Output pipeline writes (this one aside).</param>
    public OfflinePipeline(params string[] published)
        : base(PipelineName, [.. published.Append(AssetsPipeline.PipelineName).Append(ReaderPipeline.PipelineName).Distinct(StringComparer.Ordinal)])
    {
        ArgumentNullException.ThrowIfNull(published);
        ProcessModules.Add(new ManifestModule());
        ProcessModules.Add(new ServiceWorkerModule([.. published]));
    }

    /// <summary>Writes the web app manifest, naming the theme's icons by their fingerprinted paths.</summary>
    private sealed class ManifestModule : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
        {
            if (!context.Build.Settings.TryGet(ContentKeys.Site, out var site))
            {
                return Task.FromResult(ImmutableArray<Document>.Empty); // reported where the settings are read
            }

            var language = context.FirstOutput(ReaderPipeline.PipelineName, ReaderKeys.Result)?.Essay.Info.Language ?? "en";
            var assets = AssetsPipeline.Map(context.OutputsOf(AssetsPipeline.PipelineName));
            return Task.FromResult(ImmutableArray.Create(new Document(null, WebAppManifest.FileName, WebAppManifest.Write(site, language, assets))));
        }
    }

    /// <summary>Writes the service worker with every published file and the manifest, each with its revision.</summary>
    private sealed class ServiceWorkerModule(ImmutableArray<string> published) : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
        {
            if (inputs.IsEmpty)
            {
                return Task.FromResult(inputs); // no settings, no site: nothing to cache
            }

            var entries = Precache.Entries(published.SelectMany(name => context.OutputsOf(name)).Concat(inputs));
            var version = Precache.Version(entries, ServiceWorkerScript.Code);
            var worker = new Document(null, ServiceWorkerScript.FileName, ServiceWorkerScript.Render(entries, version))
                .With(OfflineKeys.Version, version);
            return Task.FromResult(inputs.Add(worker));
        }
    }
}

using System.Collections.Immutable;
using Marginalia.Content;
using Marginalia.Pages;
using Marginalia.Pipeline;
using Marginalia.Reader;
using Marginalia.Theme;

namespace Marginalia.Editions.SingleFile;

/// <summary>The single-file edition, <c>downloads/&lt;slug&gt;.html</c>, made from the reader page and the files it uses.</summary>
public sealed class SingleFilePipeline : Pipeline.Pipeline
{
    public const string PipelineName = "SingleFile";

    public SingleFilePipeline()
        : base(PipelineName, ReaderPipeline.PipelineName, PagesPipeline.PipelineName, AssetsPipeline.PipelineName, MediaPipeline.PipelineName)
    {
        ProcessModules.Add(new SingleFileModule());
    }

    private sealed class SingleFileModule : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
        {
            var reader = context.FirstOutput(ReaderPipeline.PipelineName, ReaderKeys.Result);
            var page = context.OutputsOf(PagesPipeline.PipelineName).FirstOrDefault(d => d.Destination == ReaderPipeline.ReaderPath);
            if (reader is null || page is null || !context.Build.Settings.TryGet(ContentKeys.Site, out var site))
            {
                return Task.FromResult(ImmutableArray<Document>.Empty); // the reader's own errors are reported
            }

            var files = context.OutputsOf(AssetsPipeline.PipelineName).Concat(context.OutputsOf(MediaPipeline.PipelineName))
                .Where(d => d.Destination is not null)
                .ToDictionary(d => d.Destination!, d => d.ToBytes(), StringComparer.Ordinal);
            var html = SingleFileEdition.Create(page.Content, files, site.BaseUrl);
            return Task.FromResult(ImmutableArray.Create(new Document(null, EditionPaths.SingleFile(reader.Essay.Info), html)));
        }
    }
}

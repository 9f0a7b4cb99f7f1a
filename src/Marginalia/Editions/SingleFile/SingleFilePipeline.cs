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

    private sealed class SingleFileModule : FromReaderModule
    {
        protected override ImmutableArray<Document> Make(ReaderResult reader, SiteSettings site, IExecutionContext context)
        {
            var page = context.OutputsOf(PagesPipeline.PipelineName).FirstOrDefault(d => d.Destination == ReaderPipeline.ReaderPath);
            if (page is null)
            {
                return []; // the page's own errors are reported
            }

            var files = context.OutputsOf(AssetsPipeline.PipelineName).Concat(context.OutputsOf(MediaPipeline.PipelineName))
                .Where(d => d.Destination is not null)
                .ToDictionary(d => d.Destination!, d => d.ToBytes(), StringComparer.Ordinal);
            var html = SingleFileEdition.Create(page.Content, files, site.BaseUrl);
            return [new Document(null, EditionPaths.SingleFile(reader.Essay.Info), html)];
        }
    }
}

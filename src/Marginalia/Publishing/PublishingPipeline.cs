using System.Collections.Immutable;
using Marginalia.Pipeline;
using Marginalia.Reader;

namespace Marginalia.Publishing;

/// <summary>Files published beside the pages: the essay's plain text (what annotation selectors count over).</summary>
public sealed class PublishingPipeline : Pipeline.Pipeline
{
    public const string PipelineName = "Publishing";

    public const string EssayTextPath = "essay.txt";

    public PublishingPipeline()
        : base(PipelineName, ReaderPipeline.PipelineName)
    {
        ProcessModules.Add(new PublishModule());
    }

    private sealed class PublishModule : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
        {
            var reader = context.OutputsOf(ReaderPipeline.PipelineName).Select(d => d.Get(ReaderKeys.Result)).FirstOrDefault();
            if (reader is null)
            {
                return Task.FromResult(ImmutableArray<Document>.Empty);
            }

            return Task.FromResult(ImmutableArray.Create(new Document(null, EssayTextPath, reader.Text)));
        }
    }
}

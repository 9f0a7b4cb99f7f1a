using Marginalia.Pipeline;

namespace Marginalia.Content;

/// <summary>Copies <c>input/media/</c> (images contributions show) to <c>media/</c> in the site, byte for byte.</summary>
public sealed class MediaPipeline : Pipeline.Pipeline
{
    public const string PipelineName = "Media";

    public const string Folder = "media";

    public MediaPipeline()
        : base(PipelineName)
    {
        InputModules.Add(new ReadFilesModule(roots => Path.Combine(roots.Input, Folder), "*", recursive: true, isText: _ => false));
        ProcessModules.Add(new PlaceModule());
    }

    private sealed class PlaceModule : SyncPerDocumentModule
    {
        protected override IReadOnlyList<Document> ExecuteDocument(Document input, IExecutionContext context) =>
            [input.WithDestination(Folder + "/" + input.Get(ContentKeys.RelativePath))];
    }
}

using Marginalia.Pipeline;

namespace Marginalia.Content;

/// <summary>
/// Publishes <c>input/media/</c> (images contributions show) at <c>media/</c>, after checking every file under it: a
/// raster image by its bytes, named as its format, within the size limits (<see cref="MediaFiles"/>), and shown by some
/// contribution or the essay (<see cref="MediaUse"/>). Nothing else is published from the folder.
/// </summary>
internal sealed class MediaPipeline : BuildPipeline
{
    public const string PipelineName = "Media";

    public const string Folder = "media";

    /// <param name="loaders">Every contribution loader and the folder it reads: whatever their bodies show is used.</param>
    public MediaPipeline(IReadOnlyList<(string Pipeline, string Folder)> loaders)
        : base(PipelineName, [EssayPipeline.PipelineName, .. loaders.Select(l => l.Pipeline)])
    {
        InputModules.Add(new ReadFilesModule(roots => Path.Combine(roots.Input, Folder), "*", recursive: true, isText: _ => false, admit: MediaFiles.Admit));
        ProcessModules.Add(new CheckModule());
        ProcessModules.Add(new MediaUse.UnusedModule(loaders));
        ProcessModules.Add(new PlaceModule());
    }

    private sealed class CheckModule : SyncPerDocumentModule
    {
        protected override IReadOnlyList<Document> ExecuteDocument(Document input, IExecutionContext context) =>
            MediaFiles.Check(input, context.Diagnostics) ? [input] : [];
    }

    private sealed class PlaceModule : SyncPerDocumentModule
    {
        protected override IReadOnlyList<Document> ExecuteDocument(Document input, IExecutionContext context) =>
            [input.WithDestination(Folder + "/" + input.Get(ContentKeys.RelativePath))];
    }
}

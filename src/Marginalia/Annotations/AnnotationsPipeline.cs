using Marginalia.Content;
using Marginalia.Pipeline;

namespace Marginalia.Annotations;

/// <summary>Reads and validates every note in <c>input/annotations/</c>, one file each, in parallel.</summary>
public sealed class AnnotationsPipeline : Pipeline.Pipeline
{
    public const string PipelineName = "Annotations";

    public const string Folder = "annotations";

    public AnnotationsPipeline()
        : base(PipelineName)
    {
        InputModules.Add(new ReadFilesModule(roots => Path.Combine(roots.Input, Folder), "*.md"));
        ProcessModules.Add(new ReadNoteModule());
    }

    private sealed class ReadNoteModule : SyncPerDocumentModule
    {
        protected override IReadOnlyList<Document> ExecuteDocument(Document input, IExecutionContext context)
        {
            var source = new SourceText(input.Source!, input.Source!, input.Content);
            var media = Path.Combine(context.Build.Roots.Input, MediaPipeline.Folder);
            return NoteReader.Read(source, media, context.Diagnostics) is { } note ? [input.With(AnnotationKeys.NoteFile, note)] : [];
        }
    }
}

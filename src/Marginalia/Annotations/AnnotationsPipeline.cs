using Marginalia.Contributions;

namespace Marginalia.Annotations;

/// <summary>Reads and validates every note in <c>input/annotations/</c>, one file each, in parallel.</summary>
internal sealed class AnnotationsPipeline : ContributionsPipeline<NoteFile>
{
    public const string PipelineName = "Annotations";

    public const string Folder = "annotations";

    public AnnotationsPipeline()
        : base(PipelineName, Folder, AnnotationKeys.NoteFile, NoteParser.Read)
    {
    }
}

using Marginalia.Pipeline;

namespace Marginalia.Annotations;

/// <summary>Metadata keys of the Annotations pipeline.</summary>
public static class AnnotationKeys
{
    /// <summary>A validated note file, on each document of the Annotations pipeline.</summary>
    public static readonly MetadataKey<NoteFile> NoteFile = new(nameof(NoteFile));
}

using Marginalia.Extensions;

namespace Marginalia.Annotations;

/// <summary>Notes contributed by readers and editors (input/annotations/): the reader extension for this kind.</summary>
internal sealed partial class NotesExtension : IReaderExtension
{
    public string Kind => "notes";
}

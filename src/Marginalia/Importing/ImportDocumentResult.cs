using System.Collections.Immutable;
using Marginalia.Diagnostics;

namespace Marginalia.Importing;

/// <summary>What one import file holds: its format (null when the file was refused or not recognised), its annotations
/// in file order, and every problem found, each at its file, line and column.</summary>
internal sealed record ImportDocumentResult(ImportFormat? Format, ImmutableArray<ImportedAnnotation> Annotations, ImmutableArray<Diagnostic> Problems)
{
    public bool HasErrors => Problems.Any(p => p.IsError);
}

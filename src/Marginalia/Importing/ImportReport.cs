using System.Collections.Immutable;
using Marginalia.Diagnostics;

namespace Marginalia.Importing;

internal enum ImportStatus
{
    Written,
    Updated,
}

/// <summary>A file the import wrote (or, in a dry run, would write).</summary>
/// <param name="From">The annotation it came from: the import file and its JSON pointer.</param>
internal sealed record ImportedFile(string DisplayPath, string FullPath, string Text, ImportStatus Status, string From);

/// <summary>
/// Everything an import did: the files, and a diagnostic for every annotation not written (skipped ones as info,
/// orphans and rejected ones as errors), so that nothing is dropped without a line saying why.
/// </summary>
internal sealed record ImportReport(ImmutableArray<ImportedFile> Files, ImmutableArray<Diagnostic> Diagnostics, int Annotations)
{
    public int Written => Files.Count(f => f.Status == ImportStatus.Written);

    public int Updated => Files.Count(f => f.Status == ImportStatus.Updated);

    public int Skipped => Diagnostics.Count(d => d.Code == DiagnosticCodes.ImportSkipped || d.Code == DiagnosticCodes.ImportFileExists);

    public int Orphaned => Diagnostics.Count(d => d.Code == DiagnosticCodes.ImportOrphan);

    /// <summary>Annotations placed in the essay whose note would fail a check (or that name no usable author).</summary>
    public int Rejected => Diagnostics.Count(d => d.Code == DiagnosticCodes.ImportInvalidNote || d.Code == DiagnosticCodes.ImportNoAuthor);

    /// <summary>Any error: an import file that could not be read, or an annotation orphaned or rejected (exit code 1).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

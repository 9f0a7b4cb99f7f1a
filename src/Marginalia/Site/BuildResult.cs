using Marginalia.Diagnostics;
using Marginalia.Annotations.Reanchoring;

namespace Marginalia.Site;

/// <summary>The outcome of a build: every diagnostic, sorted, and what was written.</summary>
internal sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> Written, bool WroteOutput)
{
    /// <summary>Notes placed again after the essay changed: what <c>check --fix</c> writes.</summary>
    public IReadOnlyList<NoteRepair> Repairs { get; init; } = [];

    public bool Succeeded => !Diagnostics.Any(d => d.IsError);

    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    public int WarningCount => Diagnostics.Count(d => d.Severity == Severity.Warning);
}

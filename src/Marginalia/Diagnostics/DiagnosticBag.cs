using System.Collections.Concurrent;

namespace Marginalia.Diagnostics;

/// <summary>Collects the diagnostics of a build from every module, possibly in parallel, so they are reported together.</summary>
internal sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            _items.Enqueue(diagnostic);
        }
    }

    public void Error(DiagnosticCode code, SourceLocation location, string message, string? hint = null) =>
        Add(Diagnostic.Error(code, location, message, hint));

    public void Warning(DiagnosticCode code, SourceLocation location, string message, string? hint = null) =>
        Add(Diagnostic.Warning(code, location, message, hint));

    public bool HasErrors => _items.Any(d => d.IsError);

    public int Count => _items.Count;

    /// <summary>Sorted by file, then line and column, so output is stable however the parallel work interleaved.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        [.. _items
            .Distinct()
            .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Code.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)];
}

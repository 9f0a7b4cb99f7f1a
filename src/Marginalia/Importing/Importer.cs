using System.Collections.Immutable;
using Marginalia.Annotations;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Diagnostics;
using Marginalia.Questions;
using Marginalia.Scaffolding;
using Marginalia.Text;

namespace Marginalia.Importing;

/// <summary>
/// <c>marginalia import</c>: annotations made elsewhere (W3C Web Annotation, Hypothesis) become note files, each
/// placed on the essay and checked as any contributed file is before it is written. Nothing is dropped silently:
/// every annotation is written, updated, or reported with its file, line, column and JSON pointer.
/// </summary>
internal static class Importer
{
    public static ImportReport Run(ImportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var diagnostics = new DiagnosticBag();
        var essayPath = Path.Combine(request.Input, "essay.md");
        var index = EssayText.Load(Path.GetFullPath(essayPath), essayPath, diagnostics);
        if (index is null)
        {
            return new ImportReport([], [.. diagnostics.Sorted()], 0);
        }

        var annotations = new List<ImportedAnnotation>();
        foreach (var file in request.Files)
        {
            if (ReadFile(file, diagnostics) is { } bytes)
            {
                var document = ImportDocument.Read(file, bytes);
                diagnostics.AddRange(document.Problems);
                annotations.AddRange(document.Annotations);
            }
        }

        // Placing, converting and checking each annotation is independent work, done in parallel; choosing ids, deciding
        // about existing files and reporting run in file order, so two imports of the same files do the same.
        var placement = new ImportPlacement(index, annotations.Select(a => a.Target?.Exact).OfType<string>());
        var run = new ImportRun(request, placement, diagnostics);
        var prepared = new PreparedAnnotation[annotations.Count];
        Parallel.For(0, annotations.Count, i => prepared[i] = run.Prepare(annotations[i]));
        foreach (var item in prepared)
        {
            run.Decide(item);
        }

        run.WriteAll();
        return new ImportReport([.. run.Files], [.. diagnostics.Sorted()], annotations.Count);
    }

    // At most one byte past the limit is read, so a huge file is refused without being held in memory.
    private static byte[]? ReadFile(string path, DiagnosticBag diagnostics)
    {
        if (Directory.Exists(path))
        {
            diagnostics.Error(DiagnosticCodes.FileUnreadable, SourceLocation.File(path), "this is a folder, not a file", "name the annotation files themselves, e.g. exports/*.json");
            return null;
        }

        try
        {
            using var stream = File.OpenRead(path);
            var buffer = new byte[(int)Math.Min(stream.Length, ImportLimits.MaxBytes + 1L)];
            stream.ReadExactly(buffer);
            return buffer;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.FileUnreadable, SourceLocation.File(path),
                e is FileNotFoundException or DirectoryNotFoundException ? "the file does not exist" : "the file could not be read: " + e.Message);
            return null;
        }
    }
}

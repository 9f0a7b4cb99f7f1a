using Marginalia.Diagnostics;
using Marginalia.Pipeline;

namespace Marginalia.Output;

/// <summary>
/// Writes the site into a staging folder beside the output and swaps it in only when every file was written, so a
/// failed or interrupted build leaves the previous output as it was.
/// </summary>
public static class SiteWriter
{
    public static bool Write(IReadOnlyList<Document> documents, BuildRoots roots, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var staging = roots.Staging;
        try
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            Directory.CreateDirectory(staging);
            var stagingPrefix = Path.GetFullPath(staging) + Path.DirectorySeparatorChar;
            foreach (var document in documents)
            {
                var path = Path.GetFullPath(Path.Combine(staging, document.Destination!));
                if (!path.StartsWith(stagingPrefix, StringComparison.Ordinal))
                {
                    // Destinations come from ids in contributed files: never let one escape the output folder.
                    throw new IOException($"refusing to write '{document.Destination}' outside the output folder");
                }

                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, document.ToBytes().ToArray());
            }

            Swap(staging, roots.Output);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.OutputFailed, SourceLocation.File(roots.Display(roots.Output)), $"cannot write the site: {ex.Message}",
                "the previous output, if any, is unchanged");
            TryDelete(staging);
            return false;
        }
    }

    private static void Swap(string staging, string output)
    {
        var previous = output.TrimEnd(Path.DirectorySeparatorChar) + ".previous";
        TryDelete(previous);
        if (Directory.Exists(output))
        {
            Directory.Move(output, previous);
        }

        Directory.Move(staging, output);
        TryDelete(previous);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover staging or previous folder is harmless: the next build clears it.
        }
    }
}

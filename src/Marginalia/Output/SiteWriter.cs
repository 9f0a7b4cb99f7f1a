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

    private const string WrittenKey = "SiteWriter.Written";

    /// <summary>
    /// The preview's write: only the files whose bytes changed since the last build are rewritten (each through a
    /// temporary file and a rename, so a browser never reads half a page), and files no longer built are removed.
    /// The first build, or one after the output folder vanished, writes everything through the staging folder.
    /// </summary>
    public static bool Update(IReadOnlyList<Document> documents, BuildRoots roots, DiagnosticBag diagnostics, BuildCache cache)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(cache);
        var hashes = documents.ToDictionary(d => d.Destination!, d => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(d.ToBytes().Span)), StringComparer.Ordinal);
        var previous = cache.Get<Dictionary<string, string>>(WrittenKey);
        if (previous is null || !Directory.Exists(roots.Output))
        {
            var written = Write(documents, roots, diagnostics);
            if (written)
            {
                cache.Set(WrittenKey, hashes);
            }

            return written;
        }

        try
        {
            var outputPrefix = Path.GetFullPath(roots.Output) + Path.DirectorySeparatorChar;
            foreach (var document in documents.Where(d => previous.GetValueOrDefault(d.Destination!) != hashes[d.Destination!]))
            {
                var path = Path.GetFullPath(Path.Combine(roots.Output, document.Destination!));
                if (!path.StartsWith(outputPrefix, StringComparison.Ordinal))
                {
                    throw new IOException($"refusing to write '{document.Destination}' outside the output folder");
                }

                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var temporary = path + ".writing";
                File.WriteAllBytes(temporary, document.ToBytes().ToArray());
                File.Move(temporary, path, overwrite: true);
            }

            foreach (var gone in previous.Keys.Where(p => !hashes.ContainsKey(p)))
            {
                File.Delete(Path.Combine(roots.Output, gone));
            }

            cache.Set(WrittenKey, hashes);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.OutputFailed, SourceLocation.File(roots.Display(roots.Output)), $"cannot write the site: {ex.Message}",
                "the next save rewrites the whole site");
            cache.Set(WrittenKey, new Dictionary<string, string>(StringComparer.Ordinal)); // unknown state: rewrite every file next time
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

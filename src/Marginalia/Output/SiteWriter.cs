using Marginalia.Diagnostics;
using Marginalia.Pipeline;

namespace Marginalia.Output;

/// <summary>
/// Writes the site into a staging folder beside the output and swaps it in only when every file was written, so a
/// failed or interrupted build leaves the previous output as it was.
/// </summary>
internal static class SiteWriter
{
    /// <summary>Writes the site into the staging folder and swaps it in at once.</summary>
    public static bool Write(IReadOnlyList<Document> documents, BuildRoots roots, DiagnosticBag diagnostics) =>
        Stage(documents, roots, diagnostics) is { } pending && pending.Commit();

    /// <summary>
    /// Writes the site into the staging folder and leaves the output alone: <see cref="PendingWrite.Commit"/> swaps
    /// it in, <see cref="PendingWrite.Discard"/> removes it. Null, with the staging folder removed, if writing failed.
    /// </summary>
    public static PendingWrite? Stage(IReadOnlyList<Document> documents, BuildRoots roots, DiagnosticBag diagnostics)
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
            var paths = new string[documents.Count];
            for (var i = 0; i < paths.Length; i++)
            {
                var path = Path.GetFullPath(Path.Combine(staging, documents[i].Destination!));
                if (!path.StartsWith(stagingPrefix, StringComparison.Ordinal))
                {
                    // Destinations come from ids in contributed files: never let one escape the output folder.
                    throw new IOException($"refusing to write '{documents[i].Destination}' outside the output folder");
                }

                paths[i] = path;
            }

            foreach (var folder in paths.Select(Path.GetDirectoryName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                Directory.CreateDirectory(folder!);
            }

            // On every core: the build's last step, with nothing else left to run, and mostly the file system's own
            // work (ext4 finding a free inode for each new file), which one thread did a file at a time.
            Parallel.For(0, paths.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => WriteFile(paths[i], documents[i]));
        }
        catch (Exception ex) when (Unwrap(ex) is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.OutputFailed, SourceLocation.File(roots.Display(roots.Output)), $"cannot write the site: {Unwrap(ex).Message}",
                "the previous output, if any, is unchanged");
            TryDelete(staging);
            return null;
        }

        return new PendingWrite(
            () =>
            {
                try
                {
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
            },
            () => TryDelete(staging));
    }

    private const string WrittenKey = "SiteWriter.Written";

    /// <summary>
    /// Each file the output holds after the last build through <paramref name="cache"/>, with a hash of its bytes; null
    /// before the first, and empty when a write failed and the output's state is unknown. Replaced, never changed, by
    /// each build, so the preview can keep one to compare with the next.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? LastWritten(BuildCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        return cache.Peek<Dictionary<string, string>>(WrittenKey);
    }

    /// <summary>
    /// The preview's write: only the files whose bytes changed since the last build are rewritten (each through a
    /// temporary file and a rename, so a browser never reads half a page), and files no longer built are removed.
    /// The first build, or one after the output folder vanished, writes everything through the staging folder.
    /// </summary>
    public static bool Update(IReadOnlyList<Document> documents, BuildRoots roots, DiagnosticBag diagnostics, BuildCache cache) =>
        StageUpdate(documents, roots, diagnostics, cache) is { } pending && pending.Commit();

    /// <summary>
    /// <see cref="Update"/> in two steps: the changed files are written beside their targets as <c>.writing</c>
    /// files; <see cref="PendingWrite.Commit"/> renames them into place and removes files no longer built,
    /// <see cref="PendingWrite.Discard"/> removes them and leaves the output as it was.
    /// </summary>
    public static PendingWrite? StageUpdate(IReadOnlyList<Document> documents, BuildRoots roots, DiagnosticBag diagnostics, BuildCache cache)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(cache);
        var hashes = documents.ToDictionary(d => d.Destination!, HexSha256, StringComparer.Ordinal);
        var previous = cache.Get<Dictionary<string, string>>(WrittenKey);
        if (previous is null || !Directory.Exists(roots.Output))
        {
            var staged = Stage(documents, roots, diagnostics);
            return staged is null
                ? null
                : new PendingWrite(
                    () =>
                    {
                        var swapped = staged.Commit();
                        if (swapped)
                        {
                            cache.Set(WrittenKey, hashes);
                        }

                        return swapped;
                    },
                    staged.Discard);
        }

        var temporaries = new List<(string Temporary, string Path)>();
        void Failed(Exception ex)
        {
            diagnostics.Error(DiagnosticCodes.OutputFailed, SourceLocation.File(roots.Display(roots.Output)), $"cannot write the site: {ex.Message}",
                "the next save rewrites the whole site");
            cache.Set(WrittenKey, new Dictionary<string, string>(StringComparer.Ordinal)); // unknown state: rewrite every file next time
        }

        void DiscardTemporaries()
        {
            foreach (var (temporary, _) in temporaries)
            {
                TryDeleteFile(temporary);
            }
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
                temporaries.Add((temporary, path));
                WriteFile(temporary, document);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Failed(ex);
            DiscardTemporaries();
            return null;
        }

        return new PendingWrite(
            () =>
            {
                try
                {
                    foreach (var (temporary, path) in temporaries)
                    {
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
                    Failed(ex);
                    DiscardTemporaries();
                    return false;
                }
            },
            DiscardTemporaries);
    }

    // Each document's hash, by the document itself: a document is immutable, and the preview's pages pass hands the
    // writer the editions it carried, the same documents as last time, which need no hashing again. Weak, so a
    // document no build holds is let go.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Document, string> Hashes = new();

    /// <summary>The SHA-256 of a document's bytes in hexadecimal, once per document for the life of the process.</summary>
    private static string HexSha256(Document document) => Hashes.GetValue(document, d => Convert.ToHexString(Sha256(d)));

    /// <summary>The SHA-256 of a document's bytes, hashed a piece at a time (see <see cref="Document.WriteBytes"/>).</summary>
    internal static byte[] Sha256(Document document)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        document.WriteBytes(hash.AppendData);
        return hash.GetHashAndReset();
    }

    /// <summary>Writes a document's bytes, encoded a piece at a time (see <see cref="Document.WriteBytes"/>).</summary>
    /// <remarks>
    /// Unbuffered (<c>bufferSize: 0</c>): the pieces arrive as tens of kilobytes already, each one write, and a buffer
    /// would be one more copy and a new 64 KB array for every file (4 MB of a build of <c>input/</c>, 16 MB at 1×).
    /// </remarks>
    private static void WriteFile(string path, Document document)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        document.WriteBytes(file.Write);
    }

    /// <summary>The first file error behind a parallel write's <see cref="AggregateException"/>; any other exception as it is.</summary>
    private static Exception Unwrap(Exception ex) => ex is AggregateException aggregate ? aggregate.Flatten().InnerExceptions[0] : ex;

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

    private static void TryDeleteFile(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary file is harmless: the next write of that file replaces it.
        }
    }
}

/// <summary>Files written where the output does not see them yet: commit makes them the output, discard drops them.</summary>
internal sealed class PendingWrite
{
    private readonly Func<bool> _commit;
    private readonly Action _discard;

    internal PendingWrite(Func<bool> commit, Action discard)
    {
        _commit = commit;
        _discard = discard;
    }

    /// <summary>Makes the written files the output; false, with an error reported, if that failed.</summary>
    public bool Commit() => _commit();

    /// <summary>Removes what was written; the output stays as it was.</summary>
    public void Discard() => _discard();
}

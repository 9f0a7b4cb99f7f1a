using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Formats.Tar;

namespace Marginalia.Testing;

/// <summary>
/// The repository's input/ as committed at HEAD, exported once per test process into a temporary folder that tests
/// only read. A contributor's draft note in the working tree would otherwise change what every test builds, so a
/// test could fail (or pass) because of a file nobody committed. Theme and code still come from the working tree:
/// they are what is being tested.
/// Linked into both test projects (tests/Shared), so the unit and browser tests build the same input.
/// </summary>
internal static class CommittedInput
{
    private static readonly ConcurrentDictionary<string, Lazy<Snapshot>> Snapshots = new(StringComparer.Ordinal);

    /// <summary>A read-only export of input/ for the repository at <paramref name="repositoryRoot"/>.</summary>
    public static Snapshot Of(string repositoryRoot) =>
        Snapshots.GetOrAdd(Path.GetFullPath(repositoryRoot), root => new Lazy<Snapshot>(() => Export(root))).Value;

    /// <summary>Copies the snapshot's input/ to <paramref name="target"/>, for a test that edits its own copy.</summary>
    public static void CopyTo(string repositoryRoot, string target) => CopyFolder(Of(repositoryRoot).Input, target);

    private static Snapshot Export(string root)
    {
        var folder = Path.Combine(Path.GetTempPath(), "marginalia-committed-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(folder);
        var input = Path.Combine(folder, "input");

        var (revision, failure) = TryGitArchive(root, folder);
        if (revision is not null)
        {
            return new Snapshot(folder, $"input/ as committed at {revision}", Fallback: null);
        }

        // A source tarball has no history to export from: the working tree's input/ is the best there is, and the
        // run says so once, since drafts in it are then part of what is tested.
        DeleteQuietly(input);
        CopyFolder(Path.Combine(root, "input"), input);
        return new Snapshot(folder, "input/ from the working tree",
            $"Not testing the committed input/: {failure}. Testing the working tree's input/ instead, so uncommitted files in it are part of this run.");
    }

    /// <returns>The short commit exported, or null with the reason git could not export it.</returns>
    private static (string? Revision, string? Failure) TryGitArchive(string root, string folder)
    {
        try
        {
            var (headExit, head, headError) = RunGit(root, null, "rev-parse", "--short", "HEAD");
            if (headExit != 0)
            {
                return (null, $"{root} is not a git checkout ({headError.Trim()})");
            }

            var (exit, _, error) = RunGit(root, folder, "archive", "--format=tar", "HEAD", "--", "input");
            return exit == 0 ? (head.Trim(), null) : (null, $"`git archive HEAD input` failed ({error.Trim()})");
        }
        catch (Win32Exception exception)
        {
            return (null, $"git is not installed ({exception.Message})");
        }
    }

    /// <param name="extractTo">When set, standard output is a tar stream unpacked there rather than text returned.</param>
    private static (int ExitCode, string Output, string Error) RunGit(string root, string? extractTo, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(root);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new Win32Exception("git did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = string.Empty;
        if (extractTo is null)
        {
            output = process.StandardOutput.ReadToEnd();
        }
        else
        {
            TarFile.ExtractToDirectory(process.StandardOutput.BaseStream, extractTo, overwriteFiles: false);
            process.StandardOutput.BaseStream.CopyTo(Stream.Null);
        }

        process.WaitForExit();
        return (process.ExitCode, output, error.GetAwaiter().GetResult());
    }

    /// <summary>Copies a folder's files, sub-folders included, into another (for the theme beside a copied input/).</summary>
    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }

    /// <param name="Root">A folder holding only input/: build with it as the working directory.</param>
    /// <param name="Source">Where the input came from, for messages.</param>
    /// <param name="Fallback">Why the working tree's input/ is used instead of the committed one; null when it is not.</param>
    public sealed record Snapshot(string Root, string Source, string? Fallback)
    {
        public string Input => System.IO.Path.Combine(Root, "input");
    }
}

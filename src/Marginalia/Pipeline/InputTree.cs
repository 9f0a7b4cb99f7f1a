using System.IO.Enumeration;
using Marginalia.Diagnostics;

namespace Marginalia.Pipeline;

/// <summary>
/// Lists the files under a folder of input/ or theme/, following symbolic links that stay inside, and reading each
/// real folder at most once. The system's own recursive listing follows a link to a folder every time it meets one,
/// so <c>media/loop -&gt; .</c> never ends and a "diamond" of links to links doubles the paths at every level. Here:
/// <list type="bullet">
/// <item>a link to the folder it is in, or to a folder above it, is a cycle (MG0121), as is a chain of links that
/// leads back to itself;</item>
/// <item>a link to a folder that is read already, or will be read under its own name, is a second path to it
/// (MG0122): its files would be published twice, so the link is refused rather than followed or silently skipped;</item>
/// <item>a link leading out of the boundary is refused (MG0117, <see cref="InputLinks"/>).</item>
/// </list>
/// Links to files that stay inside are followed, as before: each is one more entry, never more.
/// </summary>
internal static class InputTree
{
    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        ReturnSpecialDirectories = false,
        MatchType = MatchType.Simple,
    };

    /// <summary>
    /// The full paths (as reached, through links) of the files under <paramref name="root"/> whose name matches
    /// <paramref name="pattern"/> (<c>*</c> and <c>?</c>, with case), in ordinal order. Every link problem met on the way
    /// is reported to <paramref name="diagnostics"/>, at the link.
    /// </summary>
    /// <param name="boundary">The folder links must stay within (input/ or theme/).</param>
    public static IReadOnlyList<string> Files(string root, string pattern, bool recursive, string boundary, BuildRoots roots, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(diagnostics);
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        boundary = Path.TrimEndingDirectorySeparator(Path.GetFullPath(boundary));
        if (!Directory.Exists(root) || !InputLinks.Check(boundary, root, roots, diagnostics))
        {
            return [];
        }

        var realBoundary = InputLinks.RealPath(boundary) ?? boundary;
        var realRoot = InputLinks.RealPath(root) ?? root;

        // Each real folder, with the path it is read by. The root's real subfolders belong to their own names, so a
        // link to one of them is a second path whichever comes first in the walk.
        var readAs = new Dictionary<string, string>(StringComparer.Ordinal) { [realRoot] = root };
        var files = new List<string>();
        var folders = new Stack<(string Path, string Real)>();
        folders.Push((root, realRoot));
        while (folders.TryPop(out var folder))
        {
            string[] entries;
            try
            {
                entries = [.. Directory.EnumerateFileSystemEntries(folder.Path, "*", OneLevel).Order(StringComparer.Ordinal)];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(DiagnosticCodes.FileUnreadable, SourceLocation.File(roots.Display(folder.Path)), $"cannot read folder: {ex.Message}");
                continue;
            }

            var subfolders = new List<(string Path, string Real)>();
            foreach (var entry in entries)
            {
                var name = Path.GetFileName(entry);
                if (!InputLinks.IsLink(entry))
                {
                    if (Directory.Exists(entry))
                    {
                        var real = Path.Combine(folder.Real, name);
                        if (recursive && Claim(readAs, real, entry, roots, diagnostics))
                        {
                            subfolders.Add((entry, real));
                        }
                    }
                    else if (Matches(pattern, name))
                    {
                        files.Add(entry);
                    }

                    continue;
                }

                var target = InputLinks.RealPath(entry);
                if (target is null || !InputLinks.IsWithin(realBoundary, target))
                {
                    InputLinks.ReportLink(entry, target, boundary, roots, diagnostics);
                    continue;
                }

                if (!Directory.Exists(target))
                {
                    if (Matches(pattern, name))
                    {
                        files.Add(entry); // a file, or a dangling link its reader reports as missing
                    }

                    continue;
                }

                if (!recursive)
                {
                    continue; // a folder, like any other the listing does not enter
                }

                if (InputLinks.IsWithin(target, folder.Real))
                {
                    diagnostics.Error(DiagnosticCodes.LinkCycle, SourceLocation.File(roots.Display(entry)),
                        $"'{roots.Display(entry)}' is a symbolic link to '{Shown(target, realBoundary, boundary, roots)}', a folder it is in: following it would never end",
                        "delete the link; link to the files themselves if they are needed here");
                    continue;
                }

                if (InputLinks.IsWithin(realRoot, target) && !readAs.ContainsKey(target))
                {
                    // Under the root by its own name: the walk reads it there.
                    SecondPath(entry, Shown(target, realBoundary, boundary, roots), roots, diagnostics);
                    continue;
                }

                if (Claim(readAs, target, entry, roots, diagnostics))
                {
                    subfolders.Add((entry, target));
                }
            }

            for (var i = subfolders.Count - 1; i >= 0; i--)
            {
                folders.Push(subfolders[i]);
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>Marks a real folder as read by <paramref name="path"/>; false (reported) when another path read it already.</summary>
    private static bool Claim(Dictionary<string, string> readAs, string real, string path, BuildRoots roots, DiagnosticBag diagnostics)
    {
        if (readAs.TryGetValue(real, out var first))
        {
            SecondPath(path, roots.Display(first), roots, diagnostics);
            return false;
        }

        readAs[real] = path;
        return true;
    }

    private static void SecondPath(string path, string first, BuildRoots roots, DiagnosticBag diagnostics) =>
        diagnostics.Error(DiagnosticCodes.LinkDuplicate, SourceLocation.File(roots.Display(path)),
            $"'{roots.Display(path)}' leads through a symbolic link to the folder '{first}', which is read already: its files would be published twice",
            "delete the link; each folder is read once, under one name");

    /// <summary>A real path as diagnostics show it: under the boundary's own name when inside it.</summary>
    private static string Shown(string real, string realBoundary, string boundary, BuildRoots roots) =>
        real == realBoundary ? roots.Display(boundary)
            : InputLinks.IsWithin(realBoundary, real) ? roots.Display(Path.Join(boundary, Path.GetRelativePath(realBoundary, real)))
            : roots.Display(real);

    private static bool Matches(string pattern, string name) =>
        pattern == "*" || FileSystemName.MatchesSimpleExpression(pattern, name, ignoreCase: false);
}

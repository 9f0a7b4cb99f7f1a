using Marginalia.Diagnostics;

namespace Marginalia.Pipeline;

/// <summary>
/// Refuses symbolic links that lead out of the folder a build reads (input/, theme/): a contributed link to
/// <c>/etc/passwd</c> or <c>~/.ssh</c> must never be read into, and published with, the site. Links that stay inside
/// the folder are followed as usual; links that lead round in a circle (to each other) are refused as cycles.
/// </summary>
internal static class InputLinks
{
    /// <summary>Links followed through other links, in all, while resolving one path (Linux's own limit is 40).</summary>
    public const int MaxHops = 40;

    /// <summary>
    /// Whether <paramref name="fullPath"/> may be read: false when it, or a folder between <paramref name="boundary"/>
    /// and it, is a symbolic link whose final target lies outside <paramref name="boundary"/> or cannot be resolved
    /// (reported once per link, at the link, when <paramref name="reported"/> is given).
    /// </summary>
    public static bool Check(string boundary, string fullPath, BuildRoots roots, DiagnosticBag diagnostics, ISet<string>? reported = null)
    {
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(boundary));
        var path = Path.GetFullPath(fullPath);
        if (!IsWithin(root, path))
        {
            return true; // not under the boundary: the caller decided to read it
        }

        var realRoot = RealPath(root) ?? root;
        var current = root;
        foreach (var part in Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            if (!IsLink(current))
            {
                continue;
            }

            var target = RealPath(current);
            if (target is not null && IsWithin(realRoot, target))
            {
                continue;
            }

            if (reported?.Add(current) ?? true)
            {
                ReportLink(current, target, root, roots, diagnostics);
            }

            return false;
        }

        return true;
    }

    /// <summary>Reports a link that cannot be followed: unresolvable (<paramref name="target"/> null) or leading out of <paramref name="root"/>.</summary>
    internal static void ReportLink(string link, string? target, string root, BuildRoots roots, DiagnosticBag diagnostics)
    {
        if (target is null)
        {
            diagnostics.Error(
                DiagnosticCodes.LinkCycle,
                SourceLocation.File(roots.Display(link)),
                $"'{roots.Display(link)}' is a symbolic link that cannot be resolved: it leads through links back to itself",
                "replace the links by the files or folders themselves");
        }
        else
        {
            diagnostics.Error(
                DiagnosticCodes.LinkOutside,
                SourceLocation.File(roots.Display(link)),
                $"'{roots.Display(link)}' is a symbolic link to '{target}', outside {roots.Display(root)}/",
                "copy the file into the folder instead of linking to it");
        }
    }

    /// <summary>Whether <paramref name="path"/> is itself a symbolic link (not following it).</summary>
    internal static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    /// <summary>
    /// The path with every symbolic link on it resolved, component by component (as the system's realpath does, so a
    /// link's '..' climbs from where the link points, not from where it sits); null when resolving it would follow more
    /// than <see cref="MaxHops"/> links, which only links leading round in a circle do. Components that do not exist
    /// are kept as written.
    /// </summary>
    public static string? RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var top = Path.GetPathRoot(full)!;
        var current = top;
        var hops = 0;
        var pending = new Stack<string>();
        Push(pending, full[top.Length..]);
        while (pending.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(current)) ?? top;
                continue;
            }

            var next = Path.Combine(current, part);
            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                target = null;
            }

            if (target is null)
            {
                current = next;
                continue;
            }

            if (++hops > MaxHops)
            {
                return null;
            }

            Push(pending, target);
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
            }
        }

        return Path.TrimEndingDirectorySeparator(current) is { Length: > 0 } trimmed ? trimmed : top;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="root"/> or inside it (both full, without a trailing separator).</summary>
    internal static bool IsWithin(string root, string path) =>
        path == root || path.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static void Push(Stack<string> pending, string relative)
    {
        var parts = relative.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }
}

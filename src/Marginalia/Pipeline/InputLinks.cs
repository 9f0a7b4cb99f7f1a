using Marginalia.Diagnostics;

namespace Marginalia.Pipeline;

/// <summary>
/// Refuses symbolic links that lead out of the folder a build reads (input/, theme/): a contributed link to
/// <c>/etc/passwd</c> or <c>~/.ssh</c> must never be read into, and published with, the site. Links that stay inside
/// the folder are followed as usual.
/// </summary>
public static class InputLinks
{
    // Links followed through other links before giving up (Linux's own limit is 40).
    private const int MaxHops = 40;

    /// <summary>
    /// Whether <paramref name="fullPath"/> may be read: false when it, or a folder between <paramref name="boundary"/>
    /// and it, is a symbolic link whose final target lies outside <paramref name="boundary"/> (reported once per link,
    /// at the link, when <paramref name="reported"/> is given).
    /// </summary>
    public static bool Check(string boundary, string fullPath, BuildRoots roots, DiagnosticBag diagnostics, ISet<string>? reported = null)
    {
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(boundary));
        if (FirstLinkOutside(root, Path.GetFullPath(fullPath), 0) is not { } escape)
        {
            return true;
        }

        if (reported?.Add(escape.Link) ?? true)
        {
            diagnostics.Error(
                DiagnosticCodes.LinkOutside,
                SourceLocation.File(roots.Display(escape.Link)),
                escape.Target is null
                    ? $"'{roots.Display(escape.Link)}' is a symbolic link that cannot be resolved (a loop?)"
                    : $"'{roots.Display(escape.Link)}' is a symbolic link to '{escape.Target}', outside {roots.Display(root)}/",
                "copy the file into the folder instead of linking to it");
        }

        return false;
    }

    /// <summary>The first link on the way from root to path whose target is outside root (Target null: unresolvable).</summary>
    private static (string Link, string? Target)? FirstLinkOutside(string root, string path, int hops)
    {
        var relative = Path.GetRelativePath(root, path);
        if (!IsWithin(root, path))
        {
            return null; // not under the boundary: the caller decided to read it
        }

        var current = root;
        foreach (var part in relative.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            var info = new FileInfo(current);
            if (info.LinkTarget is null)
            {
                continue;
            }

            string target;
            try
            {
                target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(info.LinkTarget, Path.GetDirectoryName(current)!);
            }
            catch (IOException)
            {
                return (current, null);
            }

            if (!IsWithin(root, target))
            {
                return (current, target);
            }

            // Inside, lexically: but the folders on the way to it may themselves be links that lead out.
            if (hops >= MaxHops)
            {
                return (current, null);
            }

            if (FirstLinkOutside(root, target, hops + 1) is { } further)
            {
                return (current, further.Target);
            }
        }

        return null;
    }

    private static bool IsWithin(string root, string path) =>
        path == root || path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}

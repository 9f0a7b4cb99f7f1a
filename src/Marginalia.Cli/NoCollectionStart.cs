namespace Marginalia.Cli;

/// <summary>
/// A build of a site the size of input/ allocates 58 MB in all (December 2026) and then exits, so a collection during
/// it only moves memory the process is about to give back: with the native executable's server collector, input/ made
/// 5 collections and paused 14-19 ms for them. A build or check of a small site therefore starts with the collector
/// asked to let the first 96 MB be allocated without collecting (<see cref="GC.TryStartNoGCRegion(long)"/>): input/
/// 98 -> 90 ms in 31 alternating native builds. The ReadyToRun CLI, with the workstation collector: input/
/// 334 -> 320 ms (21 builds).
/// </summary>
/// <remarks>
/// Only for a small site, told by the size of its input folder before anything is read (input/ holds 177 KB): a site
/// that allocates past the budget leaves the region with one collection of everything allocated so far, which cost
/// more than the region saved (1x corpus: 629 ms without the region, 666 ms with it, 15 alternating builds; a budget
/// smaller than input/'s allocations, 32 or 48 MB, took input/ from 97 to 117-124 ms). 256 KB of sources allocate
/// about 75 MB, within the budget. Not for preview, which runs for hours and must collect from the start.
/// </remarks>
internal static class NoCollectionStart
{
    /// <summary>What a build may allocate before its first collection.</summary>
    public const long Budget = 96L * 1024 * 1024;

    /// <summary>The input folder's size (its files' bytes, all folders down) below which a site is small.</summary>
    public const long SmallInput = 256L * 1024;

    /// <summary>Whether the command is a build that ends when it is done (build, check) of a small site.</summary>
    public static bool AppliesTo(IReadOnlyList<string> args) => args is ["build" or "check", ..] && IsSmall(InputFolder(args));

    /// <summary>The folder <c>--input</c> names (as <c>--input DIR</c>, <c>--input=DIR</c> or <c>--input:DIR</c>), else "input".</summary>
    public static string InputFolder(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] == "--input" && i + 1 < args.Count)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith("--input=", StringComparison.Ordinal) || args[i].StartsWith("--input:", StringComparison.Ordinal))
            {
                return args[i]["--input=".Length..];
            }
        }

        return "input";
    }

    /// <summary>Whether the folder's files add up to less than <paramref name="limit"/> bytes; false for one that cannot be read.</summary>
    public static bool IsSmall(string folder, long limit = SmallInput)
    {
        long total = 0;
        try
        {
            // Stops at the limit: a large site's thousands of files are not all listed for this.
            foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true }))
            {
                total += file.Length;
                if (total >= limit)
                {
                    return false;
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException)
        {
            // Missing or unreadable: the build itself says so with the folder's name; the collector just runs as usual.
            return false;
        }
    }

    /// <summary>Starts the no-collection region; false where the runtime refuses it (then the build collects as usual).</summary>
    public static bool Begin()
    {
        try
        {
            return GC.TryStartNoGCRegion(Budget);
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // More than this runtime's heap allows for such a region, or a region already started: neither is worth
            // failing a build for.
            return false;
        }
    }
}

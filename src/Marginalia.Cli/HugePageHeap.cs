using System.Globalization;
using System.Runtime.InteropServices;

namespace Marginalia.Cli;

/// <summary>
/// Asks Linux to back the managed heap with 2 MB pages (transparent huge pages) for a build that starts without
/// collecting (<see cref="NoCollectionStart"/>). Such a build allocates all its memory fresh: input/ allocates 58 MB,
/// and each 4 KB page of it was a fault into the kernel on first touch, some 15,000 of the 18,000 a build made, about a
/// third of its CPU in <c>perf</c>. With the heap advised, the region's memory, committed at once, faults in 2 MB pages:
/// about 2,050 faults, and input/ 96.3 -> 82.8 ms, CPU 158 -> 123 ms (31 alternating native builds;
/// docs/performance-history.md, which also gives the cost: a slower tail, when zeroing a 2 MB page is slow). Only the
/// kernel's <c>madvise</c> mode (this machine's) needs asking: with <c>always</c> the kernel does it unasked, with
/// <c>never</c> not at all.
/// </summary>
/// <remarks>
/// Not for a larger site: its heap is committed 64 KB at a time as it grows, and a huge page only fits where a whole
/// aligned 2 MB is committed, so the 1x corpus faulted about as often with the advice as without (38,000 and 34,000
/// times, no change in time); and once a collection has run, the collector's decommitting and reuse of memory cost
/// more with huge pages than they saved (the 1x corpus in a no-collection start, advised: 688 -> 847 ms).
/// The advice is a hint: the kernel falls back to 4 KB pages when no 2 MB one is free. Before it does, it may try to
/// compact memory to make one (its <c>defrag</c> setting, <c>madvise</c> by default, does so for advised memory), which
/// can stall a fault on a machine whose memory is fragmented. On this one <c>/proc/vmstat</c> counted no such stall
/// (<c>compact_stall</c> 0) and no fallback (<c>thp_fault_fallback</c> 0) in some 19,000 huge pages faulted in.
/// </remarks>
internal static partial class HugePageHeap
{
    /// <summary>The kernel's setting for transparent huge pages: its modes, the current one in brackets.</summary>
    public const string ModeFile = "/sys/kernel/mm/transparent_hugepage/enabled";

    private const int MadviseHugePage = 14; // MADV_HUGEPAGE, linux/mman.h
    private const int MadviseNoHugePage = 15; // MADV_NOHUGEPAGE

    /// <summary>
    /// Advises the address range that holds the managed heap: the run of anonymous mappings around a fresh object,
    /// which is the collector's reservation, the part committed and the part not yet. False where there is nothing to
    /// ask (not Linux, a mode other than madvise) or the kernel refused.
    /// </summary>
    public static bool Advise() => Advise(hugePages: true);

    /// <summary>Advises the heap's range for huge pages, or against them (which a test uses to leave its process as it was).</summary>
    internal static bool Advise(bool hugePages)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            if (!AsksForAdvice(File.ReadAllText(ModeFile)))
            {
                return false;
            }

            var run = RunAround(File.ReadLines("/proc/self/maps").Select(Mapping.Parse).OfType<Mapping>().ToList(), AddressOfNewObject());
            return run is { } range && Madvise((nint)range.Start, (nuint)(range.End - range.Start), hugePages ? MadviseHugePage : MadviseNoHugePage) == 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            // No /sys or /proc to read (a container may hide them), or a C library that the runtime does not find as
            // "libc": the build runs on 4 KB pages, as everywhere else. A hint is never worth failing a build for.
            return false;
        }
    }

    /// <summary>Whether the mode file's line names <c>madvise</c> as the current mode ("always [madvise] never").</summary>
    public static bool AsksForAdvice(string modes)
    {
        ArgumentNullException.ThrowIfNull(modes);
        return modes.Contains("[madvise]", StringComparison.Ordinal);
    }

    /// <summary>
    /// The contiguous run of anonymous mappings that holds <paramref name="address"/>, or null if no anonymous mapping
    /// does. The collector reserves its address range as one anonymous mapping and commits pieces of it, each then a
    /// mapping of its own beside the rest: the run is all of them.
    /// </summary>
    public static (ulong Start, ulong End)? RunAround(IReadOnlyList<Mapping> mappings, ulong address)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        var at = -1;
        for (var i = 0; i < mappings.Count; i++)
        {
            if (mappings[i].Start <= address && address < mappings[i].End)
            {
                at = i;
                break;
            }
        }

        if (at < 0 || !mappings[at].Anonymous)
        {
            return null;
        }

        var first = at;
        while (first > 0 && mappings[first - 1].Anonymous && mappings[first - 1].End == mappings[first].Start)
        {
            first--;
        }

        var last = at;
        while (last + 1 < mappings.Count && mappings[last + 1].Anonymous && mappings[last + 1].Start == mappings[last].End)
        {
            last++;
        }

        return (mappings[first].Start, mappings[last].End);
    }

    /// <summary>Where a newly allocated object lies: in the collector's youngest memory.</summary>
    internal static ulong AddressOfNewObject()
    {
        var handle = GCHandle.Alloc(new byte[1], GCHandleType.Pinned);
        try
        {
            return (ulong)handle.AddrOfPinnedObject();
        }
        finally
        {
            handle.Free();
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);

    /// <summary>One line of <c>/proc/self/maps</c>: an address range, and whether it is anonymous memory (no file, no name).</summary>
    internal sealed record Mapping(ulong Start, ulong End, bool Anonymous)
    {
        /// <summary>
        /// Reads "start-end perms offset device inode [name]"; null for a line of another shape. Anonymous memory has
        /// inode 0 and no name: "[heap]" and "[stack]" are named, and left alone.
        /// </summary>
        public static Mapping? Parse(string line)
        {
            ArgumentNullException.ThrowIfNull(line);
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            var dash = fields.Length >= 5 ? fields[0].IndexOf('-', StringComparison.Ordinal) : -1;
            if (dash < 0
                || !ulong.TryParse(fields[0].AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var start)
                || !ulong.TryParse(fields[0].AsSpan(dash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var end))
            {
                return null;
            }

            var named = fields.Length == 6 && fields[5].Trim().Length > 0;
            return new Mapping(start, end, fields[4] == "0" && !named);
        }
    }
}

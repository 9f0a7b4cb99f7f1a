using System.Globalization;
using System.Runtime.InteropServices;

namespace Marginalia.Cli;

/// <summary>
/// Lets Linux back the managed heap of a build with 2 MB pages (transparent huge pages) where it would fault in each
/// 4 KB page on first touch. A build allocates fresh memory all through (the 1x corpus touches about 150 MB), and on
/// the virtual machines this project is built on a 4 KB fault has cost from 1.7 us (an earlier session's: 58 MB
/// touched in 25 ms) to 9.6 us (6 December: 200 MB in 490 ms, and in 2 MB pages 12 ms), a third of a build's CPU.
/// </summary>
/// <remarks>
/// <para>
/// Advice alone is not enough. The collector reserves its whole address range inaccessible and excluded from core
/// dumps, then commits it 64 KB at a time as the heap grows, each time making the piece readable and writable and
/// dumpable again (<c>mprotect</c>, <c>madvise(MADV_DODUMP)</c>). Each piece is then a mapping of its own, and the kernel
/// only gives a 2 MB page where a whole aligned 2 MB lies in one mapping, so the heap of a larger site kept faulting in
/// 4 KB pages (the 1x corpus: 38,000 faults advised, against 34,000 not). <see cref="Prepare"/> therefore gives the
/// first <see cref="PreparedBytes"/> of the reservation, from the youngest memory on, the state the collector's commits
/// would give it: one mapping, readable and writable, dumpable, advised. The collector's own commits there change
/// nothing, and its first touch of each 2 MB faults in one huge page: the 1x corpus 38,000 -> 6,000 faults and 0.739 of
/// the time (21 paired native builds; docs/performance-history.md, eleventh session). Memory the kernel has not handed
/// out costs nothing: the peak (resident) memory did not move.
/// </para>
/// <para>
/// The collector still decommits and recommits memory as it likes; a range it gives back becomes a mapping of its own
/// again and later faults in 4 KB pages, as before. Making the range writable counts against the kernel's commit limit,
/// which only a machine in strict overcommit mode enforces: there the call fails and the build runs as before. The
/// advice is a hint: the kernel falls back to 4 KB pages when no 2 MB one is free, and may first compact memory to make
/// one (its <c>defrag</c> setting), which can stall a fault on a machine whose memory is fragmented.
/// </para>
/// </remarks>
internal static partial class HugePageHeap
{
    /// <summary>The kernel's setting for transparent huge pages: its modes, the current one in brackets.</summary>
    public const string ModeFile = "/sys/kernel/mm/transparent_hugepage/enabled";

    /// <summary>
    /// How much of the collector's reservation is prepared: more than the 1x corpus's heap spans (about 190 MB of
    /// addresses). Only what the collector then uses is ever faulted in.
    /// </summary>
    public const ulong PreparedBytes = 1UL << 30;

    /// <summary>The size of a transparent huge page on x86-64 and arm64 (with 4 KB base pages).</summary>
    public const ulong HugePage = 2UL << 20;

    /// <summary>
    /// The smallest inaccessible mapping taken for the rest of the collector's reservation (256 GB with regions), so
    /// that nothing past it (a thread's stack, its guard page) is ever touched.
    /// </summary>
    public const ulong SmallestReservation = 1UL << 30;

    private const int ProtReadWrite = 3; // PROT_READ | PROT_WRITE
    private const int MadviseHugePage = 14; // MADV_HUGEPAGE, linux/mman.h
    private const int MadviseNoHugePage = 15; // MADV_NOHUGEPAGE
    private const int MadviseDoDump = 17; // MADV_DODUMP

    /// <summary>Whether the command is a build that ends when it is done (build, check): not preview, which runs for hours.</summary>
    public static bool AppliesTo(IReadOnlyList<string> args) => args is ["build" or "check", ..];

    /// <summary>
    /// Prepares the start of the collector's reservation for huge pages (above), and gives the range prepared. Null where
    /// there is nothing to do (not Linux, huge pages off, no reservation found) or the kernel refused; the build then
    /// runs on 4 KB pages.
    /// </summary>
    public static (ulong Start, ulong End)? Prepare(ulong bytes = PreparedBytes)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            var mode = Mode(File.ReadAllText(ModeFile));
            if (mode is null)
            {
                return null;
            }

            var maps = File.ReadLines("/proc/self/maps").Select(Mapping.Parse).OfType<Mapping>().ToList();
            if (PreparedRange(maps, AddressOfNewObject(), bytes) is not { } range)
            {
                return null;
            }

            return Ready(range.Start, range.End, mode) ? range : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            // No /sys or /proc to read (a container may hide them), or a C library that the runtime does not find as
            // "libc": the build runs on 4 KB pages, as everywhere else. A hint is never worth failing a build for.
            return null;
        }
    }

    /// <summary>
    /// Gives a range of the collector's reservation the state its commits would give it (readable, writable, dumpable),
    /// advised for huge pages in the kernel's madvise mode (in "always" mode it needs no asking). False if the kernel
    /// refused a step.
    /// </summary>
    internal static bool Ready(ulong start, ulong end, string mode)
    {
        var (at, length) = ((nint)start, (nuint)(end - start));
        return (mode != "madvise" || Madvise(at, length, MadviseHugePage) == 0)
            && Mprotect(at, length, ProtReadWrite) == 0
            && Madvise(at, length, MadviseDoDump) == 0;
    }

    /// <summary>Withdraws the huge-page advice from a prepared range (a test uses it to leave its process as it was).</summary>
    internal static bool Unadvise(ulong start, ulong end) => Madvise((nint)start, (nuint)(end - start), MadviseNoHugePage) == 0;

    /// <summary>
    /// The mode named current in the mode file's line ("always [madvise] never"): "always" or "madvise", or null for
    /// "never" or a line of another shape.
    /// </summary>
    public static string? Mode(string modes)
    {
        ArgumentNullException.ThrowIfNull(modes);
        return modes.Contains("[madvise]", StringComparison.Ordinal) ? "madvise"
            : modes.Contains("[always]", StringComparison.Ordinal) ? "always"
            : null;
    }

    /// <summary>
    /// The range to prepare: from the 2 MB boundary at or below <paramref name="address"/> (the youngest memory, in the
    /// collector's reservation) for <paramref name="bytes"/>, but no further than the end of the reservation's
    /// inaccessible rest, the first anonymous mapping of at least <see cref="SmallestReservation"/> in the run of
    /// adjacent anonymous mappings after the address. Null if the address is in no anonymous mapping, the boundary
    /// falls before the run, or no such rest follows (a collector without regions, or a layout not recognised).
    /// </summary>
    public static (ulong Start, ulong End)? PreparedRange(IReadOnlyList<Mapping> mappings, ulong address, ulong bytes)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        var start = address & ~(HugePage - 1);
        if (Run(mappings, address) is not { } run || start < mappings[run.First].Start)
        {
            return null;
        }

        for (var i = run.Holding; i <= run.Last; i++)
        {
            var mapping = mappings[i];
            if (mapping.Reserved && mapping.End - mapping.Start >= SmallestReservation)
            {
                var end = Math.Min(mapping.End, start + bytes) & ~(HugePage - 1);
                return end > start ? (start, end) : null;
            }
        }

        return null;
    }

    /// <summary>
    /// The contiguous run of anonymous mappings that holds <paramref name="address"/>, or null if no anonymous mapping
    /// does. The collector reserves its address range as one anonymous mapping and commits pieces of it, each then a
    /// mapping of its own beside the rest: the run is all of them.
    /// </summary>
    public static (ulong Start, ulong End)? RunAround(IReadOnlyList<Mapping> mappings, ulong address)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        return Run(mappings, address) is { } run ? (mappings[run.First].Start, mappings[run.Last].End) : null;
    }

    /// <summary>The run around the address as indices: its first and last mappings and the one holding the address.</summary>
    private static (int First, int Holding, int Last)? Run(IReadOnlyList<Mapping> mappings, ulong address)
    {
        var at = -1;
        for (var i = 0; i < mappings.Count && at < 0; i++)
        {
            if (mappings[i].Start <= address && address < mappings[i].End)
            {
                at = i;
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

        return (first, at, last);
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

    [LibraryImport("libc", EntryPoint = "mprotect")]
    private static partial int Mprotect(nint address, nuint length, int protection);

    /// <summary>
    /// One line of <c>/proc/self/maps</c>: an address range, whether it is anonymous memory (no file, no name), and
    /// whether it is reserved: neither readable, writable nor executable ("---p").
    /// </summary>
    internal sealed record Mapping(ulong Start, ulong End, bool Anonymous, bool Reserved = false)
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
            return new Mapping(start, end, fields[4] == "0" && !named, fields[1].StartsWith("---", StringComparison.Ordinal));
        }
    }
}

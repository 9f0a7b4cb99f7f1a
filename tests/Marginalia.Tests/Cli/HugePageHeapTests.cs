using System.Globalization;
using System.Runtime.InteropServices;
using Marginalia.Cli;

namespace Marginalia.Tests.Cli;

/// <summary>
/// A build prepares the start of the collector's reservation for 2 MB pages: from the 2 MB boundary below a new object
/// to at most a gigabyte on, within the reservation (found in /proc/self/maps), made one readable, writable, dumpable
/// mapping, advised where the kernel's mode is madvise.
/// </summary>
public sealed partial class HugePageHeapTests
{
    private const ulong Mb = 1UL << 20;
    private const ulong Gb = 1UL << 30;

    [Theory]
    [InlineData("always [madvise] never\n", "madvise")]
    [InlineData("[always] madvise never\n", "always")]
    [InlineData("always madvise [never]\n", null)]
    [InlineData("", null)]
    public void The_mode_file_names_the_mode_that_gets_huge_pages(string modes, string? mode)
    {
        Assert.Equal(mode, HugePageHeap.Mode(modes));
    }

    [Theory]
    [InlineData(new[] { "build", "--input", "site" }, true)]
    [InlineData(new[] { "check" }, true)]
    [InlineData(new[] { "preview" }, false)]
    [InlineData(new[] { "new", "note" }, false)]
    [InlineData(new string[0], false)]
    public void Only_commands_that_end_when_built_prepare_the_heap(string[] args, bool applies)
    {
        Assert.Equal(applies, HugePageHeap.AppliesTo(args));
    }

    [Fact]
    public void A_maps_line_gives_its_range_whether_it_is_anonymous_and_whether_it_is_reserved()
    {
        Assert.Equal(new HugePageHeap.Mapping(0x7f2ef0001000, 0x7f6ee0000000, Anonymous: true, Reserved: true),
            HugePageHeap.Mapping.Parse("7f2ef0001000-7f6ee0000000 ---p 00000000 00:00 0 "));
        Assert.Equal(new HugePageHeap.Mapping(0x7ed6e9000000, 0x7ed6ef10e000, Anonymous: true, Reserved: false),
            HugePageHeap.Mapping.Parse("7ed6e9000000-7ed6ef10e000 rw-p 00000000 00:00 0"));
        Assert.Equal(new HugePageHeap.Mapping(0x00404000, 0x00fa1000, Anonymous: false, Reserved: false),
            HugePageHeap.Mapping.Parse("00404000-00fa1000 r-xp 00004000 fe:00 12452403                           /tmp/aot/Marginalia.Cli"));
        Assert.Equal(new HugePageHeap.Mapping(0x55d0c0000000, 0x55d0c0021000, Anonymous: false, Reserved: false),
            HugePageHeap.Mapping.Parse("55d0c0000000-55d0c0021000 rw-p 00000000 00:00 0                          [heap]"));
        Assert.Null(HugePageHeap.Mapping.Parse(""));
        Assert.Null(HugePageHeap.Mapping.Parse("not a mapping at all"));
        Assert.Null(HugePageHeap.Mapping.Parse("zz-10 rw-p 00000000 00:00 0"));
    }

    [Fact]
    public void The_run_around_an_address_spans_its_adjacent_anonymous_mappings_and_no_further()
    {
        HugePageHeap.Mapping[] maps =
        [
            new(0x1000, 0x2000, true), // anonymous, but a gap before the next
            new(0x3000, 0x4000, false), // a file
            new(0x4000, 0x6000, true), // the reservation's committed piece
            new(0x6000, 0x9000, true), // ... and its rest
            new(0x9000, 0xA000, true),
            new(0xA000, 0xB000, false), // a named mapping ends the run
        ];

        Assert.Equal((0x4000UL, 0xA000UL), HugePageHeap.RunAround(maps, 0x6800));
        Assert.Equal((0x4000UL, 0xA000UL), HugePageHeap.RunAround(maps, 0x4000));
        Assert.Equal((0x1000UL, 0x2000UL), HugePageHeap.RunAround(maps, 0x1fff));
        Assert.Null(HugePageHeap.RunAround(maps, 0x3800)); // in a file's mapping
        Assert.Null(HugePageHeap.RunAround(maps, 0x2800)); // in no mapping
    }

    // A collector's layout as /proc/self/maps shows it early in a build: its bookkeeping, then the reservation of
    // 256 GB, the first regions committed in pieces, the rest inaccessible; a thread's stack right after it.
    private const ulong Reservation = 0x7f1d9c000000;

    private static readonly HugePageHeap.Mapping[] Layout =
    [
        new(Reservation - (64 * Mb), Reservation - (32 * Mb), Anonymous: true, Reserved: true), // bookkeeping
        new(Reservation, Reservation + (4 * Mb), Anonymous: true), // first region, committed
        new(Reservation + (4 * Mb), Reservation + (4 * Mb) + 0x10000, Anonymous: true), // 64 KB of the next
        new(Reservation + (4 * Mb) + 0x10000, Reservation + (256 * Gb), Anonymous: true, Reserved: true), // the rest
        new(Reservation + (256 * Gb), Reservation + (256 * Gb) + 0x1000, Anonymous: true, Reserved: true), // a guard page
        new(Reservation + (256 * Gb) + 0x1000, Reservation + (256 * Gb) + (8 * Mb), Anonymous: true), // a stack
    ];

    [Fact]
    public void The_prepared_range_starts_at_the_2_MB_boundary_below_the_new_object_and_runs_the_size_asked()
    {
        var address = Reservation + (4 * Mb) + 0x8f20; // in the second region's first piece
        Assert.Equal((Reservation + (4 * Mb), Reservation + (4 * Mb) + Gb), HugePageHeap.PreparedRange(Layout, address, Gb));

        // A boundary in the first region, below the object: the region's pieces there are the collector's too.
        Assert.Equal((Reservation + (2 * Mb), Reservation + (2 * Mb) + (512 * Mb)),
            HugePageHeap.PreparedRange(Layout, Reservation + (3 * Mb), 512 * Mb));
    }

    [Fact]
    public void The_prepared_range_ends_with_the_reservation_and_never_reaches_what_follows_it()
    {
        // Near the end of the reservation: cut at its end, before the guard page and the stack.
        var late = Reservation + (256 * Gb) - (5 * Mb);
        Assert.Equal((Reservation + (256 * Gb) - (6 * Mb), Reservation + (256 * Gb)), HugePageHeap.PreparedRange(Layout, late, Gb));

        // Nothing asked for: no range, not an empty one.
        Assert.Null(HugePageHeap.PreparedRange(Layout, Reservation + (256 * Gb) - Mb, 0));
    }

    [Fact]
    public void Nothing_is_prepared_outside_a_recognised_reservation()
    {
        // In a thread's stack, in no mapping, in a file: no range.
        Assert.Null(HugePageHeap.PreparedRange(Layout, Reservation + (256 * Gb) + (4 * Mb), Gb));
        Assert.Null(HugePageHeap.PreparedRange(Layout, Reservation - (16 * Mb), Gb));
        HugePageHeap.Mapping[] file = [new(0x400000, 0x800000, Anonymous: false)];
        Assert.Null(HugePageHeap.PreparedRange(file, 0x500000, Gb));

        // Committed memory with no large inaccessible rest after it (a collector without regions): no range.
        HugePageHeap.Mapping[] segments =
        [
            new(0x7f0000000000, 0x7f0000400000, Anonymous: true),
            new(0x7f0000400000, 0x7f0010000000, Anonymous: true, Reserved: true), // 252 MB: not a reservation
        ];
        Assert.Null(HugePageHeap.PreparedRange(segments, 0x7f0000100000, Gb));

        // The 2 MB boundary below the object falls before the run of anonymous mappings: no range.
        HugePageHeap.Mapping[] cut =
        [
            new(0x7f0000000000, 0x7f0000100000, Anonymous: false),
            new(0x7f0000100000, 0x7f0000300000, Anonymous: true),
            new(0x7f0000300000, 0x7f4000300000, Anonymous: true, Reserved: true),
        ];
        Assert.Null(HugePageHeap.PreparedRange(cut, 0x7f0000180000, Gb));
    }

    [Fact]
    public void The_collectors_youngest_memory_is_found_and_prepared_in_a_running_process()
    {
        var mode = CurrentMode();
        var prepared = HugePageHeap.Prepare(4 * Mb);
        if (mode is null)
        {
            // Huge pages off, no such setting, or not Linux: nothing is prepared.
            Assert.Null(prepared);
            return;
        }

        // The test host's own collector: its reservation recognised after a new object, 4 MB from a 2 MB boundary.
        Assert.NotNull(prepared);
        var (start, end) = prepared.Value;
        HugePageHeap.Unadvise(start, end); // the host collects all through its run: it is left without the advice
        Assert.Equal(0UL, start % HugePageHeap.HugePage);
        Assert.Equal(4 * Mb, end - start);
    }

    [SkippableFact]
    public void Commits_like_the_collectors_leave_a_prepared_range_one_mapping_and_cut_an_unprepared_one_into_pieces()
    {
        var mode = CurrentMode();
        Skip.If(mode is null, "transparent huge pages are off here (or this is not Linux): nothing to prepare; the test above checks that nothing is");

        // A reservation as the collector makes one: a gigabyte, inaccessible and left out of core dumps.
        var size = Gb + HugePageHeap.HugePage;
        var mapped = Mmap(0, (nuint)size, ProtNone, MapPrivateAnonymous, -1, 0);
        Assert.NotEqual(-1, mapped);
        try
        {
            var reservation = ((ulong)mapped + HugePageHeap.HugePage - 1) & ~(HugePageHeap.HugePage - 1);
            Assert.Equal(0, Madvise((nint)reservation, (nuint)Gb, MadviseDontDump));
            var prepared = reservation;
            var unprepared = reservation + (512 * Mb);

            Assert.True(HugePageHeap.Ready(prepared, prepared + (8 * Mb), mode));
            CommitAndTouch(prepared, 4 * Mb);
            CommitAndTouch(unprepared, 4 * Mb);

            // Prepared: the 8 MB are one mapping, readable and writable, dumpable ("dd" is do-not-dump), advised in
            // madvise mode; each aligned 2 MB of it lies in one mapping, where the kernel can fault in a huge page.
            var (held, flags) = MappingHolding(prepared + (3 * Mb));
            Assert.Equal((prepared, prepared + (8 * Mb)), (held.Start, held.End));
            Assert.False(held.Reserved);
            Assert.DoesNotContain(" dd", flags, StringComparison.Ordinal);
            Assert.Equal(mode == "madvise", flags.Contains(" hg", StringComparison.Ordinal));

            // Unprepared: the commits' 4 MB, merged, but each piece was its own mapping when it was first touched, and
            // the rest of the reservation stays as it was.
            var (pieces, _) = MappingHolding(unprepared + (3 * Mb));
            Assert.Equal((unprepared, unprepared + (4 * Mb)), (pieces.Start, pieces.End));
            Assert.True(MappingHolding(unprepared + (5 * Mb)).Mapping.Reserved);
        }
        finally
        {
            Assert.Equal(0, Munmap(mapped, (nuint)size));
        }
    }

    // What the collector does to commit memory (gcenv.unix.cpp): 64 KB at a time, each made readable, writable and
    // dumpable; here each piece is touched as soon as it is committed, as an allocating thread would.
    private static void CommitAndTouch(ulong start, ulong bytes)
    {
        for (var piece = start; piece < start + bytes; piece += 64 * 1024)
        {
            Assert.Equal(0, Mprotect((nint)piece, 64 * 1024, ProtReadWrite));
            Assert.Equal(0, Madvise((nint)piece, 64 * 1024, MadviseDoDump));
            Marshal.WriteByte((nint)piece, 1);
        }
    }

    private static string? CurrentMode() =>
        OperatingSystem.IsLinux() && File.Exists(HugePageHeap.ModeFile) ? HugePageHeap.Mode(File.ReadAllText(HugePageHeap.ModeFile)) : null;

    private const int ProtNone = 0;
    private const int ProtReadWrite = 3;
    private const int MapPrivateAnonymous = 0x22; // MAP_PRIVATE | MAP_ANONYMOUS
    private const int MadviseDontDump = 16;
    private const int MadviseDoDump = 17;

    [LibraryImport("libc", EntryPoint = "mmap")]
    private static partial nint Mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "munmap")]
    private static partial int Munmap(nint address, nuint length);

    [LibraryImport("libc", EntryPoint = "mprotect")]
    private static partial int Mprotect(nint address, nuint length, int protection);

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);

    private static (HugePageHeap.Mapping Mapping, string Flags) MappingHolding(ulong address)
    {
        HugePageHeap.Mapping? holding = null;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            // A mapping's first line parses as one; its fields ("Rss:", "VmFlags:" …) do not.
            if (HugePageHeap.Mapping.Parse(line) is { } head)
            {
                holding = head.Start <= address && address < head.End ? head : null;
            }
            else if (holding is not null && line.StartsWith("VmFlags:", StringComparison.Ordinal))
            {
                return (holding, line);
            }
        }

        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"no mapping holds {address:x}"));
    }
}

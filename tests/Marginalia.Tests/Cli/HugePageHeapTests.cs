using System.Globalization;
using Marginalia.Cli;

namespace Marginalia.Tests.Cli;

/// <summary>
/// A small site's build asks the kernel for 2 MB pages over the managed heap's address range: the run of anonymous
/// mappings around a new object, found in /proc/self/maps, and only where the kernel's mode is madvise.
/// </summary>
public sealed class HugePageHeapTests
{
    [Theory]
    [InlineData("always [madvise] never\n", true)]
    [InlineData("[always] madvise never\n", false)]
    [InlineData("always madvise [never]\n", false)]
    [InlineData("", false)]
    public void Only_the_madvise_mode_is_asked(string modes, bool asks)
    {
        Assert.Equal(asks, HugePageHeap.AsksForAdvice(modes));
    }

    [Fact]
    public void A_maps_line_gives_its_range_and_whether_it_is_anonymous()
    {
        Assert.Equal(new HugePageHeap.Mapping(0x7f2ef0001000, 0x7f6ee0000000, true),
            HugePageHeap.Mapping.Parse("7f2ef0001000-7f6ee0000000 ---p 00000000 00:00 0 "));
        Assert.Equal(new HugePageHeap.Mapping(0x7ed6e9000000, 0x7ed6ef10e000, true),
            HugePageHeap.Mapping.Parse("7ed6e9000000-7ed6ef10e000 rw-p 00000000 00:00 0"));
        Assert.Equal(new HugePageHeap.Mapping(0x00404000, 0x00fa1000, false),
            HugePageHeap.Mapping.Parse("00404000-00fa1000 r-xp 00004000 fe:00 12452403                           /tmp/aot/Marginalia.Cli"));
        Assert.Equal(new HugePageHeap.Mapping(0x55d0c0000000, 0x55d0c0021000, false),
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

    [Fact]
    public void The_heap_holding_a_new_object_is_advised_where_the_kernel_asks_for_advice_and_left_alone_elsewhere()
    {
        var asks = OperatingSystem.IsLinux() && File.Exists(HugePageHeap.ModeFile) && HugePageHeap.AsksForAdvice(File.ReadAllText(HugePageHeap.ModeFile));
        if (!asks)
        {
            // Another mode (always, never), no transparent huge pages, or not Linux: nothing is asked.
            Assert.False(HugePageHeap.Advise());
            return;
        }

        try
        {
            Assert.True(HugePageHeap.Advise());

            // The mapping that holds a fresh object now carries the kernel's "hg" flag (advised for huge pages).
            Assert.Contains(" hg", FlagsOfMappingHolding(HugePageHeap.AddressOfNewObject()), StringComparison.Ordinal);
        }
        finally
        {
            // The test host collects all through its run, where huge pages cost more than they save (HugePageHeap).
            HugePageHeap.Advise(hugePages: false);
        }

        Assert.Contains(" nh", FlagsOfMappingHolding(HugePageHeap.AddressOfNewObject()), StringComparison.Ordinal);
    }

    private static string FlagsOfMappingHolding(ulong address)
    {
        var inside = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            // A mapping's first line parses as one; its fields ("Rss:", "VmFlags:" …) do not.
            if (HugePageHeap.Mapping.Parse(line) is { } head)
            {
                inside = head.Start <= address && address < head.End;
            }
            else if (inside && line.StartsWith("VmFlags:", StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"no mapping holds {address:x}"));
    }
}

using System.Diagnostics;
using System.Runtime.Versioning;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Repository;

/// <summary>
/// The paired reading that compare-builds.sh prints (tests/Marginalia.Benchmarks/stats.sh, <c>paired</c>): each A run
/// and the B run beside it taken as a pair, their ratios' median and middle half, and the sign test over which side
/// was faster. Run on made-up timing files, whose figures can be worked out by hand.
/// </summary>
[UnsupportedOSPlatform("windows")] // each test skips itself there: stats.sh is a bash script
public sealed class BenchmarkStatsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("marginalia-stats-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Writes the two sides' wall times (µs) as time_run lines, then runs <c>paired</c> on them.</summary>
    private string Paired(int[] a, int[] b)
    {
        File.WriteAllLines(Path.Combine(_folder, "a.us"), a.Select(us => $"{us} 100 10"));
        File.WriteAllLines(Path.Combine(_folder, "b.us"), b.Select(us => $"{us} 100 10"));
        var stats = Path.Combine(RepoPaths.Root, "tests", "Marginalia.Benchmarks", "stats.sh");
        var start = new ProcessStartInfo("bash", ["-c", $"source '{stats}' && paired a.us b.us"])
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return output.Result.Trim();
    }

    [SkippableFact]
    public void Ten_pairs_all_faster_give_their_median_ratio_and_a_small_p_value()
    {
        Skip.If(OperatingSystem.IsWindows(), "stats.sh is a bash script");

        // Given B at 90 % to 99 % of A's 100 ms, one ratio each, in no order
        var line = Paired(
            Enumerable.Repeat(100_000, 10).ToArray(),
            [90_000, 95_000, 97_000, 99_000, 92_000, 96_000, 98_000, 91_000, 93_000, 94_000]);

        // Then the median is between 0.94 and 0.95, the middle half 0.92 to 0.96, and 10 of 10 faster has p = 2/1024
        Assert.Equal("paired: median B/A 0.945 (middle half 0.920–0.960), B faster in 10 of 10 pairs (sign test p = 0.002)", line);
    }

    [SkippableFact]
    public void An_even_split_with_a_tie_shows_no_difference()
    {
        Skip.If(OperatingSystem.IsWindows(), "stats.sh is a bash script");

        // Given two pairs where B is faster, two where it is slower, and one tie
        var line = Paired([100_000, 100_000, 100_000, 100_000, 100_000], [90_000, 105_000, 97_000, 101_000, 100_000]);

        // Then the tie counts for neither side and the sign test finds nothing (p capped at 1)
        Assert.Equal("paired: median B/A 1.000 (middle half 0.970–1.010), B faster in 2 of 5 pairs (sign test p = 1)", line);
    }

    [SkippableFact]
    public void A_lone_slower_pair_among_many_faster_ones_is_still_a_difference()
    {
        Skip.If(OperatingSystem.IsWindows(), "stats.sh is a bash script");

        // Given 11 pairs, B faster in 10 (at 95 %) and slower in one (at 110 %)
        var line = Paired(Enumerable.Repeat(200_000, 11).ToArray(), [.. Enumerable.Repeat(190_000, 10), 220_000]);

        // Then p is 2 * (1 + 11) / 2^11 = 0.0117
        Assert.Equal("paired: median B/A 0.950 (middle half 0.950–0.950), B faster in 10 of 11 pairs (sign test p = 0.012)", line);
    }
}

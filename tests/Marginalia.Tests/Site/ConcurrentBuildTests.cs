using Marginalia.Site;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Site;

public class ConcurrentBuildTests
{
    private const int Builds = 20;

    [Fact]
    public async Task Twenty_builds_of_one_input_on_parallel_threads_write_twenty_identical_outputs()
    {
        // Given one copy of the repository's site, and a reference build of it made alone
        using var site = TempSite.CopyOfRepository();
        var reference = await SiteBuilder.BuildAsync(new BuildOptions(Output: "reference") { WorkingDirectory = site.Root });
        Assert.True(reference.Succeeded, string.Join('\n', reference.Diagnostics));
        var expected = Snapshot(site.PathOf("reference"));

        // When twenty threads, released together, each build it into their own output folder
        var results = new BuildResult?[Builds];
        var failures = new Exception?[Builds];
        using var start = new Barrier(Builds);
        var threads = Enumerable.Range(0, Builds).Select(i => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                results[i] = SiteBuilder.BuildAsync(new BuildOptions(Output: $"output-{i:00}") { WorkingDirectory = site.Root }).GetAwaiter().GetResult();
            }
#pragma warning disable CA1031 // Collected and asserted below, on the test's thread.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures[i] = ex;
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        // Then every build succeeded and wrote exactly the reference build's files, byte for byte
        Assert.All(failures, f => Assert.Null(f));
        Assert.All(results, r => Assert.True(r!.Succeeded, string.Join('\n', r.Diagnostics)));
        Assert.Contains("index.html", expected.Keys);
        Assert.Contains("downloads/ai-and-the-unfinished-agenda-of-globalisation.epub", expected.Keys);
        for (var i = 0; i < Builds; i++)
        {
            var output = Snapshot(site.PathOf($"output-{i:00}"));
            Assert.Equal(expected.Keys, output.Keys);
            foreach (var (file, bytes) in output)
            {
                Assert.True(bytes.AsSpan().SequenceEqual(expected[file]), $"build {i}: {file} differs from the reference build");
            }
        }

        Assert.Empty(Directory.EnumerateDirectories(site.Root, "*.staging"));
    }

    private static SortedDictionary<string, byte[]> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);
}

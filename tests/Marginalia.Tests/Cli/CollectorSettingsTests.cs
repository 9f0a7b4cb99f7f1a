using Marginalia.Tests.Support;

namespace Marginalia.Tests.Cli;

/// <summary>
/// The CLI collects without a background collector (GarbageCollector.props), and so do the benchmarks, whose scale and
/// preview rows run the library in processes of their own and stand for what the CLI does.
/// </summary>
public class CollectorSettingsTests
{
    [Theory]
    [InlineData("src/Marginalia.Cli/Marginalia.Cli.csproj")]
    [InlineData("tests/Marginalia.Benchmarks/Marginalia.Benchmarks.csproj")]
    public async Task Builds_run_without_a_background_collector(string project)
    {
        var properties = await MsBuildEvaluation.Properties(project, string.Empty, "ConcurrentGarbageCollection");

        Assert.Equal("false", properties["ConcurrentGarbageCollection"]);
    }
}

using System.Text.Json;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Cli;

/// <summary>
/// The CLI collects without a background collector (GarbageCollector.props), and so do the benchmarks, whose scale and
/// preview rows run the library in processes of their own and stand for what the CLI does. Objects up to 4 MB go to the
/// first generation: the large-object heap's small budget, each time it ran out, cost a full collection.
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

    [Fact]
    public void The_cli_keeps_objects_up_to_4_MB_out_of_the_large_object_heap()
    {
        // The configuration the CLI runs with, as the build wrote it beside the CLI (the tests reference the CLI's project).
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Marginalia.Cli.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.Equal(4 * 1024 * 1024, properties.GetProperty("System.GC.LOHThreshold").GetInt32());
        Assert.False(properties.GetProperty("System.GC.Concurrent").GetBoolean());

        // The server collector is the native publish's alone (NativePublishSettingsTests).
        Assert.False(properties.TryGetProperty("System.GC.Server", out _));
    }
}

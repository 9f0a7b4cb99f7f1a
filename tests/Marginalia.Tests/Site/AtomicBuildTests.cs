using Marginalia.Diagnostics;
using Marginalia.Pipeline;
using Marginalia.Site;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Site;

/// <summary>
/// The repository's site, built once and then edited, so a build that wrongly wrote would change the output's bytes;
/// every test then runs a build that must fail and leave the first output untouched.
/// </summary>
public sealed class PreviousOutput : IDisposable
{
    public const string Edited = "Edited by the atomicity tests";

    public PreviousOutput()
    {
        var result = Site.BuildAsync().GetAwaiter().GetResult();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Snapshot = Site.Snapshot();
        Site.Edit("input/site.yml", "title: \"Marginalia\"", $"title: \"{Edited}\"");
    }

    internal TempSite Site { get; } = TempSite.CopyOfRepository();

    public SortedDictionary<string, byte[]> Snapshot { get; }

    public void Dispose() => Site.Dispose();
}

/// <summary>
/// A build that fails or is cancelled anywhere, in any pipeline and phase, leaves the previous output byte-identical
/// and no staging folder behind. Failures are injected through the SiteBuilder overload that takes the pipelines.
/// </summary>
public sealed class AtomicBuildTests(PreviousOutput previous) : IClassFixture<PreviousOutput>
{
    private const string Failure = "injected failure";

    // Typed as rows of objects: they name Phase, which is internal, and MemberData must be public.
    public static IEnumerable<object[]> EveryPipelineAndPhase()
    {
        var data = new TheoryData<string, Phase>();
        foreach (var pipeline in SitePipelines.Create())
        {
            foreach (var phase in Enum.GetValues<Phase>())
            {
                data.Add(pipeline.Name, phase);
            }
        }

        return data;
    }

    public static IEnumerable<object[]> EveryPhaseOfTheFirstAndLastPipelines()
    {
        var data = new TheoryData<string, Phase>();
        foreach (var name in new[] { SitePipelines.Create()[0].Name, SitePipelines.Create()[^1].Name })
        {
            foreach (var phase in Enum.GetValues<Phase>())
            {
                data.Add(name, phase);
            }
        }

        return data;
    }

    [Fact]
    public void The_site_has_seventeen_pipelines_and_the_output_phase_writes_through_the_last()
    {
        // Guards the theory data: a new pipeline is covered by the injections without any change here
        var names = SitePipelines.Create().Select(p => p.Name).ToList();
        Assert.Equal(17, names.Count);
        Assert.Equal("Output", names[^1]);
        Assert.Equal(68, EveryPipelineAndPhase().Count());
    }

    [Theory]
    [MemberData(nameof(EveryPipelineAndPhase))]
    internal async Task A_module_that_throws_leaves_the_previous_output_byte_identical(string pipeline, Phase phase)
    {
        // Given the site built once, and a module that throws added at the end of one phase of one pipeline
        var pipelines = WithModule(pipeline, phase, TestModules.Do(_ => throw new InvalidOperationException(Failure)));

        // When the site builds again
        var result = await BuildAsync(pipelines);

        // Then the build fails naming the pipeline and phase, and the output is as it was
        Assert.False(result.Succeeded);
        Assert.Empty(result.Written);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("MG0004", error.Code.Id);
        Assert.Equal($"pipeline '{pipeline}', phase {phase}: InvalidOperationException: {Failure}", error.Message);
        AssertUnchanged();
    }

    [Theory]
    [MemberData(nameof(EveryPhaseOfTheFirstAndLastPipelines))]
    internal async Task A_module_that_reports_an_error_leaves_the_previous_output_byte_identical(string pipeline, Phase phase)
    {
        // Given a module that reports an error (and does not throw) in one phase of one pipeline
        var pipelines = WithModule(pipeline, phase, TestModules.Do(context =>
            context.Diagnostics.Error(DiagnosticCodes.ModuleFailed, SourceLocation.File("input/essay.md"), Failure)));

        // When the site builds again
        var result = await BuildAsync(pipelines);

        // Then that error is the build's only one, and the output is as it was
        Assert.False(result.Succeeded);
        Assert.Empty(result.Written);
        Assert.Equal("input/essay.md:1:1: error MG0004: injected failure", Assert.Single(result.Diagnostics).ToString());
        AssertUnchanged();
    }

    [Theory]
    [MemberData(nameof(EveryPhaseOfTheFirstAndLastPipelines))]
    [InlineData("Pages", Phase.Process)]
    [InlineData("Epub", Phase.PostProcess)]
    [InlineData("Offline", Phase.Output)]
    internal async Task A_build_cancelled_by_a_module_leaves_the_previous_output_byte_identical(string pipeline, Phase phase)
    {
        // Given a module that cancels the build's token at the end of one phase of one pipeline
        using var cancellation = new CancellationTokenSource();
        var pipelines = WithModule(pipeline, phase, TestModules.Do(_ => cancellation.Cancel()));

        // When the site builds again with that token
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => BuildAsync(pipelines, cancellationToken: cancellation.Token));

        // Then the cancellation reached the builder, and the output is as it was
        Assert.True(cancellation.IsCancellationRequested);
        AssertUnchanged();
    }

    [Fact]
    public async Task A_build_cancelled_before_it_starts_leaves_the_previous_output_byte_identical()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => BuildAsync(SitePipelines.Create(), cancellationToken: cancellation.Token));

        AssertUnchanged();
    }

    [Fact]
    public async Task Without_an_injected_module_the_edited_input_builds_and_writes_different_bytes()
    {
        // The control for the theories above: were any of those builds to write, the output would change
        var result = await BuildAsync(SitePipelines.Create(), output: "control");

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Equal(previous.Snapshot.Count, result.Written.Count);
        var page = File.ReadAllText(previous.Site.PathOf("control/index.html"));
        Assert.Contains(PreviousOutput.Edited, page, StringComparison.Ordinal);
        Assert.DoesNotContain(PreviousOutput.Edited, System.Text.Encoding.UTF8.GetString(previous.Snapshot["index.html"]), StringComparison.Ordinal);
        AssertUnchanged();
    }

    private Task<BuildResult> BuildAsync(IReadOnlyList<Marginalia.Pipeline.BuildPipeline> pipelines, string output = "output", CancellationToken cancellationToken = default) =>
        SiteBuilder.BuildAsync(new BuildOptions(Output: output) { WorkingDirectory = previous.Site.Root }, pipelines, cancellationToken);

    private static List<Marginalia.Pipeline.BuildPipeline> WithModule(string name, Phase phase, IModule module)
    {
        var pipelines = SitePipelines.Create().ToList();
        var target = pipelines.Single(p => p.Name == name);
        var list = phase switch
        {
            Phase.Input => target.InputModules,
            Phase.Process => target.ProcessModules,
            Phase.PostProcess => target.PostProcessModules,
            _ => target.OutputModules,
        };
        list.Add(module);
        return pipelines;
    }

    private void AssertUnchanged()
    {
        var now = previous.Site.Snapshot();
        Assert.Equal(previous.Snapshot.Keys, now.Keys);
        foreach (var (file, bytes) in now)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(previous.Snapshot[file]), $"{file} changed");
        }

        Assert.False(Directory.Exists(previous.Site.OutputDir + ".staging"), "a staging folder was left behind");
        Assert.False(Directory.Exists(previous.Site.OutputDir + ".previous"), "a previous-output folder was left behind");
        Assert.Empty(Directory.EnumerateFiles(previous.Site.OutputDir, "*.writing", SearchOption.AllDirectories));
    }
}

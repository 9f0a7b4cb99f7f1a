using System.Collections.Concurrent;
using Marginalia.Diagnostics;
using Marginalia.Pipeline;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Pipeline;

/// <summary>BuildContext.Carried: the preview's pages pass takes the editions from the last clean build instead of making them.</summary>
public class EngineCarriedTests
{
    private readonly ConcurrentQueue<string> _ran = new();
    private int _round;

    private static BuildContext NewBuild(BuildCache? cache, params string[] carried) =>
        new(BuildRoots.From("in", "theme", "out", Path.GetTempPath()), new DiagnosticBag())
        {
            WriteOutput = false,
            Cache = cache,
            Carried = new HashSet<string>(carried, StringComparer.Ordinal),
        };

    // Page (the pages) and Book (an edition made from them), each stamping its documents with the round it ran in.
    private Marginalia.Pipeline.BuildPipeline[] Site()
    {
        var page = new Marginalia.Pipeline.BuildPipeline("Page", []);
        page.InputModules.Add(TestModules.Do(_ => _ran.Enqueue("Page")));
        page.ProcessModules.Add(new Stamp("page", () => _round));
        var book = new Marginalia.Pipeline.BuildPipeline("Book", ["Page"]);
        book.InputModules.Add(TestModules.Do(_ => _ran.Enqueue("Book")));
        book.ProcessModules.Add(new Stamp("book", () => _round));
        var all = new Marginalia.Pipeline.BuildPipeline("All", ["Page", "Book"]);
        all.ProcessModules.Add(TestModules.Async((_, context) =>
            Task.FromResult<System.Collections.Immutable.ImmutableArray<Document>>([.. context.OutputsOf("Page"), .. context.OutputsOf("Book")])));
        return [page, book, all];
    }

    [Fact]
    public async Task A_carried_pipeline_gives_the_last_clean_builds_documents_and_runs_none_of_its_modules()
    {
        // Given a clean build through a cache, in round 1
        var cache = new BuildCache();
        _round = 1;
        await new Engine(Site()).RunAsync(NewBuild(cache));

        // When round 2 builds with Book carried
        _round = 2;
        _ran.Clear();
        var result = await new Engine(Site()).RunAsync(NewBuild(cache, "Book"));

        // Then Page was made anew and Book is round 1's, whose modules did not run; what reads both sees both
        Assert.Equal(["Page"], _ran.ToArray());
        Assert.Equal("page 2", Assert.Single(result.Outputs["Page"]).Content);
        Assert.Equal("book 1", Assert.Single(result.Outputs["Book"]).Content);
        Assert.Equal(["page 2", "book 1"], result.Outputs["All"].Select(d => d.Content).ToList());
    }

    [Fact]
    public async Task A_carried_pipeline_runs_when_no_clean_build_left_its_documents()
    {
        // Given a cache whose only build failed, and a build with no cache at all
        var cache = new BuildCache();
        var failing = Site();
        failing[0].ProcessModules.Add(TestModules.Do(c => c.Diagnostics.Error(DiagnosticCodes.ModuleFailed, SourceLocation.File("in/essay.md"), "broken")));
        _round = 1;
        await new Engine(failing).RunAsync(NewBuild(cache));

        // When each builds with Book carried
        _round = 2;
        _ran.Clear();
        var afterFailure = await new Engine(Site()).RunAsync(NewBuild(cache, "Book"));
        var uncached = await new Engine(Site()).RunAsync(NewBuild(null, "Book"));

        // Then Book was made anew both times: nothing carries a failed build's documents, nor carries without a cache
        Assert.Equal(["Book", "Book"], _ran.Where(r => r == "Book").ToArray());
        Assert.Equal("book 2", Assert.Single(afterFailure.Outputs["Book"]).Content);
        Assert.Equal("book 2", Assert.Single(uncached.Outputs["Book"]).Content);
    }

    private sealed class Stamp(string name, Func<int> round) : IModule
    {
        public Task<System.Collections.Immutable.ImmutableArray<Document>> ExecuteAsync(System.Collections.Immutable.ImmutableArray<Document> inputs, IExecutionContext context) =>
            Task.FromResult<System.Collections.Immutable.ImmutableArray<Document>>([new Document(null, null, $"{name} {round()}")]);
    }
}

using System.Collections.Immutable;
using Marginalia.Diagnostics;
using Marginalia.Pipeline;

namespace Marginalia.Tests.Pipeline;

public class PerDocumentModuleTests
{
    /// <summary>Upper-cases content and drops "drop"; the first two documents wait for each other to start.</summary>
    private sealed class Shout : SyncPerDocumentModule, IDisposable
    {
        private readonly CountdownEvent _firstTwo = new(2);

        public bool Overlapped { get; private set; }

        public void Dispose() => _firstTwo.Dispose();

        protected override IReadOnlyList<Document> ExecuteDocument(Document input, IExecutionContext context)
        {
            if (input.Content is "d0" or "d1")
            {
                // A sequential module would never let both arrive, and the wait would time out.
                _firstTwo.Signal();
                if (_firstTwo.Wait(TimeSpan.FromSeconds(10)))
                {
                    Overlapped = true;
                }
            }

            return input.Content == "drop" ? [] : [input.WithContent(input.Content.ToUpperInvariant())];
        }
    }

    [Fact]
    public async Task Documents_run_in_parallel_and_results_keep_input_order()
    {
        // Given 16 documents, the sixth of which the module drops
        var inputs = Enumerable.Range(0, 16).Select(i => new Document(null, null, i == 5 ? "drop" : $"d{i}")).ToImmutableArray();
        using var module = new Shout();
        var pipeline = new Marginalia.Pipeline.BuildPipeline("P");
        pipeline.InputModules.Add(new Source(inputs));
        pipeline.ProcessModules.Add(module);

        // When the module runs
        var result = await new Engine([pipeline]).RunAsync(new BuildContext(BuildRoots.From("i", "t", "o"), new DiagnosticBag()));

        // Then two documents were in the module at once, and results come out in input order minus the dropped one
        Assert.True(module.Overlapped);
        Assert.Equal(
            Enumerable.Range(0, 16).Where(i => i != 5).Select(i => $"D{i}"),
            result.Outputs["P"].Select(d => d.Content));
    }

    private sealed class Source(ImmutableArray<Document> documents) : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context) => Task.FromResult(documents);
    }
}

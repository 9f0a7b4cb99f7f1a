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

    [Fact]
    public void Documents_are_taken_largest_first_with_ties_in_input_order()
    {
        // Given documents of 3, 10, 1 and 10 characters, a binary one of 5 bytes and an empty one
        var inputs = ImmutableArray.Create(
            new Document(null, null, "abc"),
            new Document(null, null, "0123456789"),
            new Document(null, null, "x"),
            new Document(null, null, "9876543210"),
            Document.Binary(null, null, new byte[5]),
            new Document(null, null, string.Empty));

        // Then the two of 10 come first in their input order, then 5, 3, 1 and the empty one
        Assert.Equal([1, 3, 4, 0, 2, 5], PerDocumentModule.LargestFirst(inputs));
    }

    [Fact]
    public async Task A_large_document_last_in_input_order_is_started_before_the_small_ones()
    {
        // Given five small documents and then a large one; each small one waits for the large one to start
        var inputs = Enumerable.Range(0, 5).Select(i => new Document(null, null, $"s{i}"))
            .Append(new Document(null, null, new string('L', 1000))).ToImmutableArray();
        using var module = new WaitForLarge();
        var pipeline = new Marginalia.Pipeline.BuildPipeline("P");
        pipeline.InputModules.Add(new Source(inputs));
        pipeline.ProcessModules.Add(module);

        // When the module runs
        var result = await new Engine([pipeline]).RunAsync(new BuildContext(BuildRoots.From("i", "t", "o"), new DiagnosticBag()));

        // Then no small one waited in vain (in input order the threads would all wait on small ones, and time out),
        // and the results still come out in input order
        Assert.Equal(0, module.TimedOut);
        Assert.Equal(inputs.Select(d => d.Content), result.Outputs["P"].Select(d => d.Content));
    }

    /// <summary>Lets a small document through only once the large one (over 100 characters) has started.</summary>
    private sealed class WaitForLarge : SyncPerDocumentModule, IDisposable
    {
        private readonly ManualResetEventSlim _largeStarted = new();
        private int _timedOut;

        public int TimedOut => _timedOut;

        public void Dispose() => _largeStarted.Dispose();

        protected override IReadOnlyList<Document> ExecuteDocument(Document input, IExecutionContext context)
        {
            if (input.Content.Length > 100)
            {
                _largeStarted.Set();
            }
            else if (!_largeStarted.Wait(TimeSpan.FromSeconds(5)))
            {
                Interlocked.Increment(ref _timedOut);
            }

            return [input];
        }
    }

    private sealed class Source(ImmutableArray<Document> documents) : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context) => Task.FromResult(documents);
    }
}

using System.Collections.Immutable;

namespace Marginalia.Pipeline;

/// <summary>
/// A module whose documents are independent of each other: they run in parallel and their results keep input order,
/// so output stays deterministic however the threads interleave.
/// </summary>
internal abstract class PerDocumentModule : IModule
{
    public async Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (inputs.Length == 0)
        {
            return [];
        }

        var results = new IReadOnlyList<Document>[inputs.Length];
        var options = new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        await Parallel.ForEachAsync(Enumerable.Range(0, inputs.Length), options, async (i, _) =>
            results[i] = await ExecuteDocumentAsync(inputs[i], context).ConfigureAwait(false)).ConfigureAwait(false);
        return [.. results.SelectMany(r => r)];
    }

    /// <summary>Returns the documents this input becomes: usually one, none to drop it (after reporting why).</summary>
    protected abstract Task<IReadOnlyList<Document>> ExecuteDocumentAsync(Document input, IExecutionContext context);
}

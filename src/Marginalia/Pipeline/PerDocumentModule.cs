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
        await Parallel.ForEachAsync(LargestFirst(inputs), options, async (i, _) =>
            results[i] = await ExecuteDocumentAsync(inputs[i], context).ConfigureAwait(false)).ConfigureAwait(false);
        return [.. results.SelectMany(r => r)];
    }

    /// <summary>
    /// The inputs' indexes, largest document first (ties in input order). Each thread takes the next index when it is
    /// free, so a large document taken last would leave the other cores idle while it alone runs: the theme's
    /// stylesheet, the largest asset, came after twenty scripts in name order and was minified while the other core
    /// waited. Started first, it runs beside the small ones.
    /// </summary>
    internal static int[] LargestFirst(ImmutableArray<Document> inputs)
    {
        var order = new int[inputs.Length];
        var sizes = new long[inputs.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            sizes[i] = inputs[i].Size;
        }

        // A comparison rather than the sizes as keys: sorting by keys of a value type makes the runtime build its sorter
        // by reflection, which ReadyToRun cannot compile ahead of time.
        Array.Sort(order, (a, b) => sizes[a] != sizes[b] ? sizes[b].CompareTo(sizes[a]) : a.CompareTo(b));
        return order;
    }

    /// <summary>Returns the documents this input becomes: usually one, none to drop it (after reporting why).</summary>
    protected abstract Task<IReadOnlyList<Document>> ExecuteDocumentAsync(Document input, IExecutionContext context);
}

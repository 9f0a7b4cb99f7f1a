using System.Collections.Immutable;
using Marginalia.Pipeline;

namespace Marginalia.Tests.Support;

/// <summary>Small modules for engine tests: each does one observable thing.</summary>
internal static class TestModules
{
    /// <summary>Emits one document whose content is the given text.</summary>
    public static IModule Emit(string content) => new Lambda((_, _) => [new Document(null, null, content)]);

    /// <summary>Runs an action and passes its inputs through.</summary>
    public static IModule Do(Action<IExecutionContext> action) => new Lambda((inputs, context) =>
    {
        action(context);
        return inputs;
    });

    /// <summary>Appends the contents of another pipeline's outputs to each input's content.</summary>
    public static IModule AppendFrom(string pipeline) => new Lambda((inputs, context) =>
        [.. inputs.Select(d => d.WithContent(d.Content + "+" + string.Join(",", context.OutputsOf(pipeline).Select(o => o.Content))))]);

    public static IModule Async(Func<ImmutableArray<Document>, IExecutionContext, Task<ImmutableArray<Document>>> body) => new AsyncLambda(body);

    private sealed class Lambda(Func<ImmutableArray<Document>, IExecutionContext, ImmutableArray<Document>> body) : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context) =>
            Task.FromResult(body(inputs, context));
    }

    private sealed class AsyncLambda(Func<ImmutableArray<Document>, IExecutionContext, Task<ImmutableArray<Document>>> body) : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context) => body(inputs, context);
    }
}

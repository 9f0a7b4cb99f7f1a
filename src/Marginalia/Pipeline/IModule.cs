using System.Collections.Immutable;

namespace Marginalia.Pipeline;

/// <summary>Turns a phase's input documents into its output documents.</summary>
internal interface IModule
{
    Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context);
}

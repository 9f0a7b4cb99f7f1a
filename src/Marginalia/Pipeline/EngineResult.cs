using System.Collections.Immutable;

namespace Marginalia.Pipeline;

/// <summary>The final documents of every pipeline, and whether the Output phase ran.</summary>
internal sealed record EngineResult(ImmutableDictionary<string, ImmutableArray<Document>> Outputs, bool WroteOutput);

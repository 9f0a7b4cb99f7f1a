using System.Collections.Immutable;
using Marginalia.Pipeline;

namespace Marginalia.Initiatives;

/// <summary>Metadata keys of the Initiatives pipeline, and of what initiatives hand on from the weave.</summary>
internal static class InitiativeKeys
{
    public static readonly MetadataKey<InitiativeFile> InitiativeFile = new(nameof(InitiativeFile));

    /// <summary>Every valid initiative with its mentions in the essay.</summary>
    public static readonly MetadataKey<ImmutableArray<InitiativeUse>> Uses = new("Initiatives.Uses");
}

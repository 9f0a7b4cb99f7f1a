using Marginalia.Pipeline;

namespace Marginalia.Initiatives;

/// <summary>Metadata keys of the Initiatives pipeline.</summary>
public static class InitiativeKeys
{
    public static readonly MetadataKey<InitiativeFile> InitiativeFile = new(nameof(InitiativeFile));
}

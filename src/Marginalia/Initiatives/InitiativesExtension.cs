using Marginalia.Extensions;

namespace Marginalia.Initiatives;

/// <summary>Initiatives the essay names (input/initiatives/), linked where it mentions them: the reader extension for this kind.</summary>
internal sealed partial class InitiativesExtension : IReaderExtension
{
    public string Kind => "initiatives";
}

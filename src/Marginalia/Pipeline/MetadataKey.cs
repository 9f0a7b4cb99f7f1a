namespace Marginalia.Pipeline;

/// <summary>A typed metadata key: the type travels with the name, so a reader cannot ask for the wrong type.</summary>
internal sealed record MetadataKey<T>(string Name)
{
    public override string ToString() => Name;
}

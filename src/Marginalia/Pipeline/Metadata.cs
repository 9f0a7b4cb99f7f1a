using System.Collections.Immutable;

namespace Marginalia.Pipeline;

/// <summary>Immutable document metadata addressed by typed keys.</summary>
internal sealed class Metadata
{
    public static Metadata Empty { get; } = new(ImmutableDictionary<string, object>.Empty.WithComparers(StringComparer.Ordinal));

    private readonly ImmutableDictionary<string, object> _values;

    private Metadata(ImmutableDictionary<string, object> values) => _values = values;

    public int Count => _values.Count;

    public bool Contains<T>(MetadataKey<T> key) => _values.ContainsKey(key.Name);

    public T Get<T>(MetadataKey<T> key) =>
        TryGet(key, out var value)
            ? value
            : throw new KeyNotFoundException($"Document metadata has no '{key.Name}'.");

    public T? GetOrDefault<T>(MetadataKey<T> key, T? fallback = default) => TryGet(key, out var value) ? value : fallback;

    public bool TryGet<T>(MetadataKey<T> key, out T value)
    {
        if (_values.TryGetValue(key.Name, out var raw) && raw is T typed)
        {
            value = typed;
            return true;
        }

        value = default!;
        return false;
    }

    public Metadata With<T>(MetadataKey<T> key, T value) where T : notnull => new(_values.SetItem(key.Name, value));

    public Metadata Without<T>(MetadataKey<T> key) => new(_values.Remove(key.Name));
}

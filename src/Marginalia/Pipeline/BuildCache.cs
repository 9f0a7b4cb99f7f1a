using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Marginalia.Diagnostics;

namespace Marginalia.Pipeline;

/// <summary>
/// Results kept from one build to the next, for the preview: a module asks for the result of its work on an input
/// it names by content (a hash of everything the result depends on), and gets the earlier result when nothing it
/// depends on changed. Entries no build used are dropped after each build, so the cache holds one build's worth.
/// A plain <c>build</c> has no cache and does all its work.
/// </summary>
internal sealed class BuildCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>A key from the parts a result depends on (paths, contents, settings), hashed.</summary>
    public static string Key(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', parts))));
    }

    /// <summary>
    /// The earlier result for <paramref name="key"/>, with the diagnostics it reported replayed into
    /// <paramref name="diagnostics"/>; or a new one from <paramref name="create"/>, which reports into a bag of its own.
    /// </summary>
    public T GetOrAdd<T>(string key, DiagnosticBag diagnostics, Func<DiagnosticBag, T> create)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(create);
        var generation = Interlocked.Read(ref _generation);
        if (_entries.TryGetValue(key, out var entry) && entry.Value is T cached)
        {
            entry.Generation = generation;
            diagnostics.AddRange(entry.Diagnostics);
            return cached;
        }

        var own = new DiagnosticBag();
        var value = create(own);
        var reported = own.Sorted();
        diagnostics.AddRange(reported);
        _entries[key] = new Entry(value, reported) { Generation = generation };
        return value;
    }

    /// <summary>A value kept under a fixed name (such as what the last build wrote), or null.</summary>
    public T? Get<T>(string name) where T : class =>
        _entries.TryGetValue(name, out var entry) && entry.Value is T value ? Touch(entry, value) : null;

    /// <summary>
    /// The value kept under a fixed name, read from outside a build (the preview, after one): unlike
    /// <see cref="Get{T}"/> it does not count as a use, so it never keeps an entry the next build would drop.
    /// </summary>
    public T? Peek<T>(string name) where T : class =>
        _entries.TryGetValue(name, out var entry) ? entry.Value as T : null;

    public void Set<T>(string name, T value) where T : class =>
        _entries[name] = new Entry(value, []) { Generation = Interlocked.Read(ref _generation) };

    /// <summary>Ends a build: drops what it did not use, and starts counting the next.</summary>
    public void EndBuild()
    {
        var generation = Interlocked.Read(ref _generation);
        foreach (var (key, entry) in _entries)
        {
            if (entry.Generation < generation)
            {
                _entries.TryRemove(key, out _);
            }
        }

        Interlocked.Increment(ref _generation);
    }

    private T Touch<T>(Entry entry, T value)
    {
        entry.Generation = Interlocked.Read(ref _generation);
        return value;
    }

    private sealed class Entry(object? value, IReadOnlyList<Diagnostic> diagnostics)
    {
        public object? Value { get; } = value;

        public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;

        public long Generation { get; set; }
    }
}

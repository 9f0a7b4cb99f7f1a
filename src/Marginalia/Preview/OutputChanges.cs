namespace Marginalia.Preview;

/// <summary>
/// Which output files changed between builds, from the writer's hashes of the output after each of the last few: what
/// lets a page that was not rewritten stay as it is, and one that was be patched rather than reloaded. A page that
/// connects after a build it did not hear of (it was loading while the editions pass finished) asks what changed since
/// its own build, so it need not reload when that build left it as it was.
/// </summary>
internal sealed class OutputChanges
{
    // A listening page hears of every build; only one that was loading or reconnecting asks about an older one, and
    // then about one of the last few. Each record is the writer's own dictionary, shared, not a copy.
    private const int Kept = 8;

    private readonly Lock _lock = new();
    private readonly List<(string Version, IReadOnlyDictionary<string, string>? Written)> _builds = [];

    /// <summary>
    /// Records a build's output and returns the paths (relative to the output folder, with '/') it wrote, changed or
    /// removed since the build before, sorted; null when that is unknown (see <see cref="Between"/>).
    /// </summary>
    /// <param name="version">The build's version, as pages are tagged with it.</param>
    /// <param name="written">What the output holds now (<see cref="Output.SiteWriter.LastWritten"/>).</param>
    public IReadOnlyList<string>? Record(string version, IReadOnlyDictionary<string, string>? written)
    {
        ArgumentNullException.ThrowIfNull(version);
        lock (_lock)
        {
            var before = _builds.Count > 0 ? _builds[^1] : default;
            _builds.Add((version, written));
            if (_builds.Count > Kept)
            {
                _builds.RemoveAt(0);
            }

            return before.Version is null ? null : Between(before.Written, written);
        }
    }

    /// <summary>
    /// What changed from the build <paramref name="since"/> to the build <paramref name="current"/>, as
    /// <see cref="Record"/> names it; null when either is not among the last few recorded, or unknown.
    /// </summary>
    public IReadOnlyList<string>? Since(string since, string current)
    {
        ArgumentNullException.ThrowIfNull(since);
        ArgumentNullException.ThrowIfNull(current);
        lock (_lock)
        {
            var from = _builds.FindLastIndex(b => b.Version == since);
            var to = _builds.FindLastIndex(b => b.Version == current);
            return from < 0 || to < from ? null : Between(_builds[from].Written, _builds[to].Written);
        }
    }

    /// <summary>
    /// The files that differ between two records of the output. Unknown (null) when either is missing (the first build,
    /// or one whose record was dropped) or when the later one is empty after a full one: the writer records an empty
    /// output when its write failed, and the folder is then in a state no one recorded.
    /// </summary>
    private static List<string>? Between(IReadOnlyDictionary<string, string>? before, IReadOnlyDictionary<string, string>? written)
    {
        if (before is null || written is null || (written.Count == 0 && before.Count > 0))
        {
            return null;
        }

        if (ReferenceEquals(before, written))
        {
            // Nothing was written: the build failed before the output phase, or wrote nothing new.
            return [];
        }

        return written.Where(file => !before.TryGetValue(file.Key, out var hash) || hash != file.Value).Select(file => file.Key)
            .Concat(before.Keys.Where(path => !written.ContainsKey(path)))
            .Select(path => path.Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}

namespace Marginalia.Preview;

/// <summary>
/// Which output files a build changed, from the writer's hashes of the output before and after it: what lets a page
/// that was not rewritten stay as it is, and one that was be patched rather than reloaded.
/// </summary>
internal sealed class OutputChanges
{
    private IReadOnlyDictionary<string, string>? _last;

    /// <summary>
    /// The paths (relative to the output folder, with '/') written, changed or removed since the last call, sorted; null
    /// when that is unknown: the first build, or one whose write failed and left the output in a state no one recorded.
    /// </summary>
    /// <param name="written">What the output holds now (<see cref="Output.SiteWriter.LastWritten"/>).</param>
    public IReadOnlyList<string>? Next(IReadOnlyDictionary<string, string>? written)
    {
        var before = _last;
        _last = written;
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

using Marginalia.Pipeline;

namespace Marginalia.Preview;

/// <summary>
/// Watches the input and theme folders, subfolders included, and reports each changed path. Editors' scratch files
/// (<see cref="EditorScratchFiles"/>) are left out: a swap file written while the author types, or the temporary
/// file of a <c>sed -i</c>, would otherwise rebuild and reload the page under them.
/// </summary>
internal sealed class SourceWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly string[] _ignoredFolders;
    private readonly Action<string> _changed;

    /// <param name="folders">The folders to watch; a folder inside another one is watched once.</param>
    /// <param name="ignoredFolders">Folders whose changes never count (the output, should it sit inside the input).</param>
    /// <param name="changed">Called with each changed full path, from the watcher's thread.</param>
    /// <param name="message">Called when a folder cannot be watched or events were lost.</param>
    public SourceWatcher(IEnumerable<string> folders, IEnumerable<string> ignoredFolders, Action<string> changed, Action<string> message)
    {
        ArgumentNullException.ThrowIfNull(folders);
        ArgumentNullException.ThrowIfNull(ignoredFolders);
        _changed = changed;
        _ignoredFolders = ignoredFolders.Select(AsFolder).ToArray();
        var roots = folders.Select(AsFolder).Distinct(StringComparer.Ordinal).ToList();
        foreach (var root in roots.Where(r => !roots.Any(other => other != r && r.StartsWith(other, StringComparison.Ordinal))))
        {
            if (!Directory.Exists(root))
            {
                message($"{root} does not exist, so changes there are not seen; restart the preview once it does");
                continue;
            }

            var watcher = new FileSystemWatcher(root)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += (_, e) => Report(e.FullPath);
            watcher.Created += (_, e) => Report(e.FullPath);
            watcher.Deleted += (_, e) => Report(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                Report(e.OldFullPath);
                Report(e.FullPath);
            };
            watcher.Error += (_, e) =>
            {
                // Usually an overflowing event buffer: we no longer know what changed, so rebuild everything.
                message($"watching {root} lost track of changes ({e.GetException().Message}); rebuilding to be safe");
                _changed(root.TrimEnd(Path.DirectorySeparatorChar));
            };
            _watchers.Add(watcher);
            watcher.EnableRaisingEvents = true;
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.EnableRaisingEvents = false;
            watcher.Dispose();
        }

        _watchers.Clear();
    }

    private void Report(string path)
    {
        if (EditorScratchFiles.IsScratch(path) || _ignoredFolders.Any(folder => (path + Path.DirectorySeparatorChar).StartsWith(folder, StringComparison.Ordinal)))
        {
            return;
        }

        _changed(path);
    }

    private static string AsFolder(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)) + Path.DirectorySeparatorChar;
}

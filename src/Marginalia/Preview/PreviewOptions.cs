using Marginalia.Site;

namespace Marginalia.Preview;

/// <summary>What the preview builds, where it serves it, and who hears about each build.</summary>
internal sealed record PreviewOptions(BuildOptions Build)
{
    public const int DefaultPort = 5080;

    /// <summary>The port on 127.0.0.1; 0 lets the system pick a free one (<see cref="PreviewServer.Address"/> says which).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>
    /// How long the sources must stay quiet before a rebuild starts: an editor's save is often a burst of writes
    /// (a temporary file, a rename, new attributes) and one save should cost one build. Such a burst takes a few
    /// milliseconds; every millisecond more is the author's wait.
    /// </summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// How long after a save's pages pass the editions pass waits before it starts: the browsers fetch and patch
    /// their pages meanwhile without sharing the processor with it, and a save within that time skips it (the next
    /// pages pass comes first). Nobody waits for the editions.
    /// </summary>
    public TimeSpan EditionsDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Called after every build, the first included, never two at once.</summary>
    public Action<PreviewBuild>? OnBuild { get; init; }

    /// <summary>Called with anything else the author should know: a folder that cannot be watched, a request that failed.</summary>
    public Action<string>? OnMessage { get; init; }
}

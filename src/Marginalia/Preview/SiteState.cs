using System.Globalization;
using System.Security.Cryptography;

namespace Marginalia.Preview;

/// <summary>
/// What the server shows: the last finished build, and whether one is running. Requests wait while a build runs, so
/// a page is never read from an output folder being swapped, nor served stale a moment before the built event.
/// </summary>
internal sealed class SiteState
{
    // Distinguishes this run from an earlier one on the same port: a page left open across a restart reloads.
    private readonly string _instance = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    private volatile PreviewBuild? _last;
    private volatile TaskCompletionSource? _building = NewGate();

    public PreviewBuild? Last => _last;

    /// <summary>Names the build a page was served from; the reload script compares it with the server's on connecting.</summary>
    public string Version => VersionOf(_last);

    public string VersionOf(PreviewBuild? build) => string.Create(CultureInfo.InvariantCulture, $"{_instance}-{build?.Number ?? 0}");

    public void BeginBuild() => _building ??= NewGate();

    public void EndBuild(PreviewBuild build)
    {
        _last = build;
        Release();
    }

    /// <summary>Lets waiting requests through without a new build: on shutdown, or when a build was cancelled.</summary>
    public void Release() => Interlocked.Exchange(ref _building, null)?.TrySetResult();

    public Task WhenIdleAsync(CancellationToken cancellationToken) =>
        _building is { } gate ? gate.Task.WaitAsync(cancellationToken) : Task.CompletedTask;

    private static TaskCompletionSource NewGate() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

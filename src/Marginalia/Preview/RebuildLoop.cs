using System.Diagnostics;
using System.Threading.Channels;
using Marginalia.Diagnostics;
using Marginalia.Site;

namespace Marginalia.Preview;

/// <summary>
/// Turns file changes into builds: a change (re)starts a quiet period, and when it ends a build is requested. One
/// task runs the builds, so two never overlap; requests made while one runs collapse into a single build after it.
/// A rebuild runs in two passes: the pages first, with the editions carried from the build before, so the browser
/// shows a change as soon as its pages are written; then, after a short quiet time in which the browsers patch their
/// pages, the whole build, which remakes the editions, unless another save came (its own pages come first, and the
/// editions follow that).
/// </summary>
internal sealed class RebuildLoop : IAsyncDisposable
{
    private readonly Func<PreviewPass, IReadOnlyList<string>, CancellationToken, Task<BuildResult>> _build;
    private readonly TimeSpan _debounce;
    private readonly TimeSpan _editionsDelay;
    private readonly string _crashLocation;
    private readonly Action _starting;
    private readonly Action<PreviewBuild> _built;

    // Capacity one, dropping new writes: a request already waiting stands for any number of later ones.
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly Lock _changedLock = new();
    private readonly SortedSet<string> _changed = new(StringComparer.Ordinal);
    private readonly Timer _quiet;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<PreviewBuild> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _running = Task.CompletedTask;
    private int _number;

    /// <param name="build">Runs one build or pass, given the changed paths it is for; the loop never calls it twice at once.</param>
    /// <param name="crashLocation">The path a build that throws is reported against (the input folder).</param>
    /// <param name="starting">Called just before each build whose output the server must not read meanwhile: every
    /// one but the <see cref="PreviewPass.Editions"/> pass, which rewrites no page (each file it changes is renamed
    /// into place whole).</param>
    /// <param name="built">Called after each build that ran to the end and is announced, from the loop's task: a pages
    /// pass that failed is not, since the whole build run at once after it reports every error together.</param>
    /// <param name="editionsDelay">How long the editions pass waits after the pages pass, unless a save comes first.</param>
    public RebuildLoop(Func<PreviewPass, IReadOnlyList<string>, CancellationToken, Task<BuildResult>> build, TimeSpan debounce, string crashLocation, Action starting, Action<PreviewBuild> built, TimeSpan editionsDelay = default)
    {
        _build = build;
        _debounce = debounce;
        _editionsDelay = editionsDelay;
        _crashLocation = crashLocation;
        _starting = starting;
        _built = built;
        _quiet = new Timer(_ => _requests.Writer.TryWrite(true), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Whether a build is requested and waits for the running one (tests wait for it instead of guessing a time).</summary>
    internal bool Waiting => _requests.Reader.Count > 0;

    /// <summary>The build the loop starts with; faults if that build cannot run at all.</summary>
    public Task<PreviewBuild> FirstBuild => _first.Task;

    /// <summary>Starts the loop with a build at once, then one after every quiet period that follows a change.</summary>
    public void Start()
    {
        _requests.Writer.TryWrite(true);
        _running = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>Records a changed path and restarts the quiet period; safe from any thread (watchers call it from theirs).</summary>
    public void Notify(string path)
    {
        lock (_changedLock)
        {
            _changed.Add(path);
        }

        try
        {
            _quiet.Change(_debounce, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // A watcher's event that was already on its way when the preview stopped: nothing to rebuild for.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _quiet.DisposeAsync().ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        _requests.Writer.TryComplete();
        await _running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _first.TrySetCanceled(_stop.Token);
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _requests.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                _requests.Reader.TryRead(out _);
                var changed = TakeChanged();
                if (_number > 0)
                {
                    var pages = await BuildAsync(changed, PreviewPass.Pages, cancellationToken).ConfigureAwait(false);
                    if (pages.Result.Succeeded)
                    {
                        Announce(pages);
                        if (await SaveWithinAsync(_editionsDelay, cancellationToken).ConfigureAwait(false))
                        {
                            continue;
                        }

                        if (await EditionsAsync(cancellationToken).ConfigureAwait(false) is { } editions)
                        {
                            Announce(editions);
                        }

                        continue;
                    }
                }

                var build = Announce(await BuildAsync(changed, PreviewPass.Whole, cancellationToken).ConfigureAwait(false));
                _first.TrySetResult(build);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: a build cut short leaves the previous output as it was (the writer swaps folders atomically).
        }
        catch (Exception ex)
        {
            _first.TrySetException(ex);
            throw;
        }
    }

    private async Task<PreviewBuild> BuildAsync(IReadOnlyList<string> changed, PreviewPass pass, CancellationToken cancellationToken)
    {
        if (pass != PreviewPass.Editions)
        {
            _starting();
        }

        var clock = Stopwatch.StartNew();
        BuildResult result;
        try
        {
            result = await _build(pass, changed, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A bug in the generator must show on the error page and let the next save try again, not end the preview.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            result = Crashed(ex);
        }

        return new PreviewBuild(0, result, clock.Elapsed, changed, pass);
    }

    /// <summary>
    /// The editions pass, given up (null, nothing announced) as soon as a save asks for a build: that save's pages come
    /// first, and the output stays as the pages pass left it (a cancelled build writes nothing).
    /// </summary>
    private async Task<PreviewBuild?> EditionsAsync(CancellationToken stopping)
    {
        using var saved = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var watching = WatchAsync(saved);
        try
        {
            return await BuildAsync([], PreviewPass.Editions, saved.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return null;
        }
        finally
        {
            await saved.CancelAsync().ConfigureAwait(false);
            await watching.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        async Task WatchAsync(CancellationTokenSource build)
        {
            if (await RequestedAsync(build.Token).ConfigureAwait(false))
            {
                await build.CancelAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Whether a build is requested within <paramref name="delay"/> (at once, for none).</summary>
    private async Task<bool> SaveWithinAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
        var requested = await RequestedAsync(timer.Token).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return requested;
    }

    /// <summary>True once a build is requested (at once if one is waiting); false if <paramref name="until"/> ends the wait first.</summary>
    private async Task<bool> RequestedAsync(CancellationToken until)
    {
        if (_requests.Reader.TryPeek(out _))
        {
            return true;
        }

        try
        {
            return await _requests.Reader.WaitToReadAsync(until).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (until.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Numbers a build as the next one announced and announces it; a pass never announced takes no number.</summary>
    private PreviewBuild Announce(PreviewBuild build)
    {
        build = build with { Number = ++_number };
        _built(build);
        return build;
    }

    private BuildResult Crashed(Exception ex) => new(
        [Diagnostic.Error(DiagnosticCodes.ModuleFailed, SourceLocation.File(_crashLocation), $"the build failed unexpectedly: {ex.GetType().Name}: {ex.Message}",
            "this is a bug in Marginalia: please report it with the change that caused it")],
        [],
        false);

    private string[] TakeChanged()
    {
        lock (_changedLock)
        {
            var changed = _changed.ToArray();
            _changed.Clear();
            return changed;
        }
    }
}

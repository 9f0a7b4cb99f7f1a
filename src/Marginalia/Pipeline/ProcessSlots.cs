namespace Marginalia.Pipeline;

/// <summary>
/// How many pipelines may process at once. Their modules are CPU-bound, so no more than there are cores; and for a
/// large site, one at a time: each holds what it is building (at 10× the pages, the book and the single file are
/// hundreds of megabytes apiece), and two at once raised that corpus's peak by a quarter for a few seconds saved. A
/// site is large by what its Input phases read, not by the process's heap, which a preview or a test host fills with
/// other things.
/// </summary>
internal sealed class ProcessSlots
{
    /// <summary>Sources (characters and bytes read) from which a site is large: four times the 1× corpus (1 MB), 40 % of the 10×.</summary>
    public const long LargeSourceSize = 4L * 1024 * 1024;

    private readonly int _cores;
    private readonly long _large;
    private readonly Lock _lock = new();
    private readonly List<Waiter> _waiting = [];
    private long _read;
    private int _running;

    public ProcessSlots(int cores, long largeSourceSize = LargeSourceSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cores, 1);
        _cores = cores;
        _large = largeSourceSize;
    }

    /// <summary>Whether the Input phases so far read enough that the site is large.</summary>
    public bool Large => Interlocked.Read(ref _read) >= _large;

    /// <summary>Counts what an Input phase read: its documents' characters and bytes.</summary>
    public void Read(IEnumerable<Document> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var size = documents.Sum(d => d.Size);
        Interlocked.Add(ref _read, size);
    }

    /// <summary>
    /// Waits for a slot: at once when nothing else is processing, else while there is a free core and the site is small.
    /// When a slot is given back, the waiting pipeline with the highest <paramref name="priority"/> gets it (the first to
    /// ask among equals): which one got it was a race, and at 1x the search index, whose output the single-file
    /// edition waits for, sometimes waited behind the book and ended the build 60-90 ms later.
    /// </summary>
    /// <param name="priority">How many pipelines wait on this one's output, directly or through others (<see cref="Engine"/>).</param>
    public async Task EnterAsync(int priority, CancellationToken cancellationToken)
    {
        Waiter waiter;
        lock (_lock)
        {
            if (_waiting.Count == 0 && CanStart(_running))
            {
                _running++;
                return;
            }

            waiter = new Waiter(priority, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            _waiting.Add(waiter); // in the order they ask, which MaxBy keeps among equals
        }

        using (cancellationToken.Register(() => Cancel(waiter)))
        {
            await waiter.Granted.Task.ConfigureAwait(false);
        }
    }

    /// <summary>Gives a slot back: to the waiting pipeline that comes first, when another may run now.</summary>
    public void Exit()
    {
        Waiter? next = null;
        lock (_lock)
        {
            _running--;
            if (_waiting.Count > 0 && CanStart(_running))
            {
                next = _waiting.MaxBy(w => w.Priority)!;
                _waiting.Remove(next);
                _running++;
            }
        }

        next?.Granted.TrySetResult();
    }

    private bool CanStart(int running) => running == 0 || (running < _cores && !Large);

    // A cancelled wait takes no slot; one granted just before the cancellation still counts and is given back.
    private void Cancel(Waiter waiter)
    {
        lock (_lock)
        {
            if (!_waiting.Remove(waiter))
            {
                return;
            }
        }

        waiter.Granted.TrySetCanceled();
    }

    private sealed record Waiter(int Priority, TaskCompletionSource Granted);
}

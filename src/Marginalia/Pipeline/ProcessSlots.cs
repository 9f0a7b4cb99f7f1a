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
    private long _read;
    private int _running;
    private TaskCompletionSource _released = NewSignal();

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
        var size = documents.Sum(d => (long)d.Content.Length + (d.Bytes?.Length ?? 0));
        Interlocked.Add(ref _read, size);
    }

    /// <summary>Waits for a slot: at once when nothing else is processing, else while there is a free core and the site is small.</summary>
    public async Task EnterAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task released;
            lock (_lock)
            {
                if (_running == 0 || (_running < _cores && !Large))
                {
                    _running++;
                    return;
                }

                released = _released.Task;
            }

            await released.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Gives a slot back and lets the waiting pipelines try again.</summary>
    public void Exit()
    {
        TaskCompletionSource released;
        lock (_lock)
        {
            _running--;
            released = _released;
            _released = NewSignal();
        }

        released.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

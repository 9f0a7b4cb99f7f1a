namespace Marginalia.Pipeline;

/// <summary>
/// How many pipelines may process at once. Their modules are CPU-bound, so no more than there are cores; and once the
/// build's heap is large (a site of tens of thousands of notes), one at a time: each holds what it is building (the
/// pages, the book, the single file are hundreds of megabytes apiece at that size), and two at once raised the peak
/// by a quarter for a few seconds saved. A small site's pipelines run side by side.
/// </summary>
internal sealed class ProcessSlots
{
    /// <summary>The heap above which pipelines process one at a time: ten times what `input/` needs, a tenth of what a 10× corpus does.</summary>
    public const long LargeHeapBytes = 256L * 1024 * 1024;

    private readonly int _cores;
    private readonly long _large;
    private readonly Func<long> _heap;
    private readonly Lock _lock = new();
    private int _running;
    private TaskCompletionSource _released = NewSignal();

    /// <param name="heap">The managed heap's size now, in bytes (<see cref="GC.GetTotalMemory(bool)"/> by default).</param>
    public ProcessSlots(int cores, long largeHeapBytes = LargeHeapBytes, Func<long>? heap = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cores, 1);
        _cores = cores;
        _large = largeHeapBytes;
        _heap = heap ?? (() => GC.GetTotalMemory(forceFullCollection: false));
    }

    /// <summary>Waits for a slot: at once when nothing else is processing, else while there is a free core and the heap is small.</summary>
    public async Task EnterAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task released;
            lock (_lock)
            {
                if (_running == 0 || (_running < _cores && _heap() < _large))
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

using Marginalia.Pipeline;

namespace Marginalia.Tests.Pipeline;

public sealed class ProcessSlotsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task With_a_small_heap_as_many_enter_as_there_are_cores_and_the_next_waits_for_one_to_leave()
    {
        // Given two cores and a heap well under the limit, and two pipelines processing
        var slots = new ProcessSlots(2, largeHeapBytes: 1_000, heap: () => 10);
        await slots.EnterAsync(CancellationToken.None).WaitAsync(Timeout);
        await slots.EnterAsync(CancellationToken.None).WaitAsync(Timeout);

        // When a third asks for a slot
        var third = slots.EnterAsync(CancellationToken.None);

        // Then it waits until one of them leaves
        Assert.False(third.IsCompleted);
        slots.Exit();
        await third.WaitAsync(Timeout);
    }

    [Fact]
    public async Task With_a_large_heap_one_processes_at_a_time_and_the_first_never_waits()
    {
        // Given two cores and a heap over the limit
        var heap = 5_000L;
        var slots = new ProcessSlots(2, largeHeapBytes: 1_000, heap: () => heap);

        // When two pipelines ask for a slot
        await slots.EnterAsync(CancellationToken.None).WaitAsync(Timeout);
        var second = slots.EnterAsync(CancellationToken.None);

        // Then the first gets one at once (nothing else runs) and the second waits for it, though a core is free
        Assert.False(second.IsCompleted);
        slots.Exit();
        await second.WaitAsync(Timeout);

        // And once the heap is small again (the big pipeline's work collected), two share the cores again
        heap = 10;
        await slots.EnterAsync(CancellationToken.None).WaitAsync(Timeout);
    }

    [Fact]
    public async Task A_cancelled_build_stops_waiting()
    {
        // Given one core, taken
        var slots = new ProcessSlots(1, largeHeapBytes: 1_000, heap: () => 10);
        await slots.EnterAsync(CancellationToken.None).WaitAsync(Timeout);
        using var cancel = new CancellationTokenSource();

        // When a second waits and the build is cancelled
        var second = slots.EnterAsync(cancel.Token);
        await cancel.CancelAsync();

        // Then it stops waiting with the cancellation
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.WaitAsync(Timeout));
    }
}

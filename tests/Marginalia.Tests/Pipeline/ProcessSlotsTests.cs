using System.Collections.Immutable;
using Marginalia.Pipeline;

namespace Marginalia.Tests.Pipeline;

public sealed class ProcessSlotsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static Task EnterAsync(ProcessSlots slots) => slots.EnterAsync(CancellationToken.None).WaitAsync(Timeout);

    // One more asks for a slot: it must wait until one of those inside leaves, then get it.
    private static async Task WaitsForAnExitAsync(ProcessSlots slots)
    {
        var next = slots.EnterAsync(CancellationToken.None);
        Assert.False(next.IsCompleted);
        slots.Exit();
        await next.WaitAsync(Timeout);
    }

    private static ImmutableArray<Document> Sources(int characters) => [new Document("in/a.md", null, new string('x', characters))];

    [Fact]
    public async Task For_a_small_site_as_many_enter_as_there_are_cores_and_the_next_waits_for_one_to_leave()
    {
        // Given two cores, a site whose sources are under the limit, and two pipelines processing
        var slots = new ProcessSlots(2, largeSourceSize: 1_000);
        slots.Read(Sources(999));
        await EnterAsync(slots);
        await EnterAsync(slots);

        // When a third asks for a slot
        // Then it waits until one of them leaves
        await WaitsForAnExitAsync(slots);
    }

    [Fact]
    public async Task For_a_large_site_one_processes_at_a_time_and_the_first_never_waits()
    {
        // Given two cores and sources that reach the limit, read by two Input phases
        var slots = new ProcessSlots(2, largeSourceSize: 1_000);
        slots.Read(Sources(600));
        slots.Read([Document.Binary("in/b.png", null, new byte[400])]);

        // When two pipelines ask for a slot
        // Then the first gets one at once (nothing else runs) and the second waits for it, though a core is free
        await EnterAsync(slots);
        await WaitsForAnExitAsync(slots);
    }

    [Fact]
    public async Task A_cancelled_build_stops_waiting()
    {
        // Given one core, taken
        var slots = new ProcessSlots(1);
        await EnterAsync(slots);
        using var cancel = new CancellationTokenSource();

        // When a second waits and the build is cancelled
        var second = slots.EnterAsync(cancel.Token);
        await cancel.CancelAsync();

        // Then it stops waiting with the cancellation
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.WaitAsync(Timeout));
    }
}

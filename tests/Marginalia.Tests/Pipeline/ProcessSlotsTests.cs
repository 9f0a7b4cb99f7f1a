using System.Collections.Immutable;
using Marginalia.Pipeline;

namespace Marginalia.Tests.Pipeline;

public sealed class ProcessSlotsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static Task EnterAsync(ProcessSlots slots, int priority = 0) => slots.EnterAsync(priority, CancellationToken.None).WaitAsync(Timeout);

    // One more asks for a slot: it must wait until one of those inside leaves, then get it.
    private static async Task WaitsForAnExitAsync(ProcessSlots slots)
    {
        var next = slots.EnterAsync(0, CancellationToken.None);
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
    public async Task A_slot_given_back_goes_to_the_waiting_pipeline_more_wait_on_then_to_the_first_to_ask()
    {
        // Given two cores, both taken, and three pipelines waiting: one that two others wait on, asking last
        var slots = new ProcessSlots(2);
        await EnterAsync(slots);
        await EnterAsync(slots);
        var early = slots.EnterAsync(0, CancellationToken.None);
        var alsoEarly = slots.EnterAsync(0, CancellationToken.None);
        var needed = slots.EnterAsync(2, CancellationToken.None);

        // When one slot is given back, then another
        slots.Exit();
        await needed.WaitAsync(Timeout);
        Assert.False(early.IsCompleted);
        slots.Exit();

        // Then the pipeline others wait on went first, and of the equals, the one that asked first
        await early.WaitAsync(Timeout);
        Assert.False(alsoEarly.IsCompleted);
        slots.Exit();
        await alsoEarly.WaitAsync(Timeout);
    }

    [Fact]
    public async Task A_cancelled_build_stops_waiting_and_takes_no_slot_from_those_behind_it()
    {
        // Given one core, taken, and two waiting, the first of them (ranked higher) in a build that is cancelled
        var slots = new ProcessSlots(1);
        await EnterAsync(slots);
        using var cancel = new CancellationTokenSource();
        var cancelled = slots.EnterAsync(5, cancel.Token);
        var next = slots.EnterAsync(0, CancellationToken.None);

        // When the build is cancelled, it stops waiting with the cancellation
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Timeout));

        // Then the slot given back goes to the one still waiting
        slots.Exit();
        await next.WaitAsync(Timeout);
    }
}

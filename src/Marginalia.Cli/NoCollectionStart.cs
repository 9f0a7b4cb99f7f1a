namespace Marginalia.Cli;

/// <summary>
/// A build of a site the size of input/ allocates less than 64 MB in all (58 MB in December 2026) and then exits, so
/// a collection during it only moves memory the process is about to give back: with the native executable's server
/// collector, input/ made 5 collections and paused 14-19 ms for them. A build or check therefore starts with the
/// collector asked to let the first 64 MB be allocated without collecting (<see cref="GC.TryStartNoGCRegion(long)"/>):
/// input/ 98 -> 90 ms in 31 alternating native builds. A larger site passes them; the runtime then leaves that mode by
/// itself, with one collection, and the build collects as usual (the 1x corpus 656 -> 673 ms, 11 builds, against the
/// server collector's 716 -> 656 ms). The ReadyToRun CLI, with the workstation collector: input/ 334 -> 320 ms
/// (21 builds), the 1x corpus 1,130 -> 1,179 ms (7 builds). Not for preview, which runs for hours and must collect
/// from the start.
/// </summary>
internal static class NoCollectionStart
{
    /// <summary>What a build may allocate before its first collection.</summary>
    public const long Budget = 64L * 1024 * 1024;

    /// <summary>Whether the command (its first argument) is a build that ends when it is done: build and check.</summary>
    public static bool AppliesTo(IReadOnlyList<string> args) => args is ["build" or "check", ..];

    /// <summary>Starts the no-collection region; false where the runtime refuses it (then the build collects as usual).</summary>
    public static bool Begin()
    {
        try
        {
            return GC.TryStartNoGCRegion(Budget);
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // More than this runtime's heap allows for such a region, or a region already started: neither is worth
            // failing a build for.
            return false;
        }
    }
}

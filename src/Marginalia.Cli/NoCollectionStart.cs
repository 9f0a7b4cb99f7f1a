namespace Marginalia.Cli;

/// <summary>
/// A build of a site the size of input/ allocates 58 MB in all (December 2026) and then exits, so a collection during
/// it only moves memory the process is about to give back: with the native executable's server collector, input/ made
/// 5 collections and paused 14-19 ms for them. A build or check therefore starts with the collector asked to let the
/// first 96 MB be allocated without collecting (<see cref="GC.TryStartNoGCRegion(long)"/>): input/ 98 -> 90 ms in 31
/// alternating native builds, with room for the site to grow by half before it collects again. A larger site passes
/// them; the runtime then leaves that mode by itself, with one collection, and the build collects as usual (the 1x
/// corpus: 664 ms with 64 MB, 653 with 96, 717 with 128, in 15 alternating builds; the server collector alone, 656 ms
/// against the workstation collector's 716). The ReadyToRun CLI, with the workstation collector: input/ 334 -> 320 ms
/// (21 builds, 64 MB), the 1x corpus 1,130 -> 1,179 ms (7 builds). Not for preview, which runs for hours and must
/// collect from the start.
/// </summary>
internal static class NoCollectionStart
{
    /// <summary>What a build may allocate before its first collection.</summary>
    public const long Budget = 96L * 1024 * 1024;

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

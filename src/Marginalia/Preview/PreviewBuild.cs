using Marginalia.Site;

namespace Marginalia.Preview;

/// <summary>One build the preview ran: its result, how long it took, and the changed paths that caused it.</summary>
/// <param name="Number">1 for the build the preview starts with, then one more per rebuild or pass.</param>
/// <param name="Changed">Paths as diagnostics show them (<c>input/essay.md</c>), sorted; empty for the first build and
/// for the <see cref="PreviewPass.Editions"/> pass, whose changes the pass before it named.</param>
internal sealed record PreviewBuild(int Number, BuildResult Result, TimeSpan Elapsed, IReadOnlyList<string> Changed, PreviewPass Pass = PreviewPass.Whole)
{
    public bool IsFirst => Number == 1;
}

/// <summary>What a preview build made: after a save, the pages come first and the editions follow.</summary>
internal enum PreviewPass
{
    /// <summary>Everything: the first build, and a rebuild whose pages pass failed (so every error is reported at once).</summary>
    Whole,

    /// <summary>The pages, with the editions carried from the build before (SitePipelines.Editions): what the browser shows.</summary>
    Pages,

    /// <summary>Everything again, right after a pages pass, which remakes the editions; pages come out as they were.</summary>
    Editions,
}

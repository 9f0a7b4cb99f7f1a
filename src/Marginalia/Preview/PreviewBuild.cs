using Marginalia.Site;

namespace Marginalia.Preview;

/// <summary>One build the preview ran: its result, how long it took, and the changed paths that caused it.</summary>
/// <param name="Number">1 for the build the preview starts with, then one more per rebuild.</param>
/// <param name="Changed">Paths as diagnostics show them (<c>input/essay.md</c>), sorted; empty for the first build.</param>
internal sealed record PreviewBuild(int Number, BuildResult Result, TimeSpan Elapsed, IReadOnlyList<string> Changed)
{
    public bool IsFirst => Number == 1;
}

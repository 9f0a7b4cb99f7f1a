using Marginalia.Diagnostics;
using Marginalia.Site;

namespace Marginalia.Tests.Site;

public class LibraryWarmupTests
{
    [Fact]
    public async Task The_set_up_runs_once_per_process_and_never_fails_the_caller()
    {
        // The first call in this process (here, or a build's before it) starts the work; every later one returns at once.
        var first = LibraryWarmup.Start();
        var second = LibraryWarmup.Start();

        await first.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(first.IsCompletedSuccessfully);
        Assert.Same(Task.CompletedTask, second);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_warm_up_call_is_one_the_build_accepts(bool compiledAtRunTime)
    {
        // Start swallows what fails, so a call the build would refuse (a filter Fluid lacks, YAML the checks reject)
        // would silently warm nothing: here it must report nothing and throw nothing.
        var diagnostics = new DiagnosticBag();

        LibraryWarmup.Run(compiledAtRunTime, diagnostics);

        Assert.Empty(diagnostics.Sorted());
    }
}

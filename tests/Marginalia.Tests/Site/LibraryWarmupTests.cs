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
}

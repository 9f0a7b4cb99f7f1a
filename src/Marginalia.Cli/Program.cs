using Marginalia.Cli;

// First, before the heap grows: a build's heap in memory the kernel backs with 2 MB pages where it would fault in each
// 4 KB one (HugePageHeap), and a small site's build makes no collection at all (NoCollectionStart).
if (HugePageHeap.AppliesTo(args))
{
    HugePageHeap.Prepare();
}

if (NoCollectionStart.AppliesTo(args))
{
    NoCollectionStart.Begin();
}

// A command that builds starts the libraries' first use on another core before the command line is even read
// (Site/LibraryWarmup): the rest of start-up runs on one core while the other would wait.
if (args is ["build" or "check" or "preview", ..])
{
    _ = Marginalia.Site.LibraryWarmup.Start();
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true; // stop gracefully: a build in progress never leaves a half-written output
    cancel.Cancel();
};

try
{
    return await new CliApp(CliConsoles.FromSystem(), Invocation.Detect()).RunAsync(args, cancel.Token).ConfigureAwait(false);
}
catch (OperationCanceledException)
{
    return 130;
}

// The entry point is internal like every other type of the command: nothing outside calls it.
internal partial class Program;

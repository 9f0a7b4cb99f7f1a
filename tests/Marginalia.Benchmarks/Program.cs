using System.Globalization;
using BenchmarkDotNet.Running;
using Marginalia.Benchmarks;

// `--stages [N]` is the cold-start profile, which BenchmarkDotNet's warmed-up statistics cannot show; anything else
// goes to the switcher, not a fixed Run<T>, so `--filter`, `--list` and `--job` work from the command line.
if (args is ["--stages", ..])
{
    var runs = args is [_, var count] ? int.Parse(count, CultureInfo.InvariantCulture) : 20;
    return await StageTimings.RunAsync(runs).ConfigureAwait(false);
}

if (args is ["--preview-latency", ..])
{
    var edits = args is [_, var count] ? int.Parse(count, CultureInfo.InvariantCulture) : 20;
    return await Marginalia.Benchmarks.Preview.PreviewLatency.RunAsync(edits).ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(typeof(BuildBenchmarks).Assembly).Run(args);
return 0;

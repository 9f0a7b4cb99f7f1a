using System.Globalization;
using BenchmarkDotNet.Running;
using Marginalia.Benchmarks;

// `--stages [N] [DIR] [--preview]` is the cold-start profile (with --preview: the rebuilds after a note's edit, as preview runs them), which BenchmarkDotNet's warmed-up statistics cannot show; `--corpus`,
// `--build` and `--scale` write and time generated corpora (README, "Scaling"); `--preview-latency [N]` times N
// note edits in preview, from the save to the edit showing in Chromium; `--open-note [N]` times N sidenote opens in Chromium on the 1× corpus; `--search [N]` measures the search's index against its text and times N queries in Chromium on the 1× corpus; anything else goes to the switcher,
// not a fixed Run<T>, so `--filter`, `--list` and `--job` work from the command line.
switch (args)
{
    case ["--stages", ..]:
        ScaleRun.LiftInputLimits();
        var stageArgs = args[1..].Where(a => a != "--preview").ToArray();
        var runs = stageArgs.Length > 0 ? int.Parse(stageArgs[0], CultureInfo.InvariantCulture) : 20;
        return await StageTimings.RunAsync(runs, stageArgs.Length > 1 ? stageArgs[1] : null, preview: args.Contains("--preview")).ConfigureAwait(false);
    case ["--corpus", var size, var folder]:
        return ScaleRun.WriteCorpus(size, folder);
    case ["--build", var site]:
        ScaleRun.LiftInputLimits();
        return await ScaleRun.BuildChildAsync(site).ConfigureAwait(false);
    case ["--open-note", ..]:
        return await Marginalia.Benchmarks.Reader.OpenNoteTiming.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20).ConfigureAwait(false);
    case ["--search", ..]:
        return await Marginalia.Benchmarks.Search.SearchBudgets.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60).ConfigureAwait(false);
    case ["--preview-latency", ..]:
        var edits = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        return await Marginalia.Benchmarks.Preview.PreviewLatency.RunAsync(edits).ConfigureAwait(false);
    case ["--scale", ..]:
        var options = args[1..].Where(a => int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out _)).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        var sizes = args[1..].Where(a => !int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out _)).ToArray();
        return ScaleRun.Run(
            options.Length > 0 ? options[0] : 3,
            options.Length > 1 ? options[1] : 3,
            sizes.Length > 0 ? sizes : ["real", "1x", "10x"]);
    default:
        BenchmarkSwitcher.FromAssembly(typeof(BuildBenchmarks).Assembly).Run(args);
        return 0;
}

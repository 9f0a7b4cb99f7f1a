using BenchmarkDotNet.Running;
using Marginalia.Benchmarks;

// The switcher, not a fixed Run<T>, so `--filter`, `--list` and `--job` work from the command line.
BenchmarkSwitcher.FromAssembly(typeof(BuildBenchmarks).Assembly).Run(args);

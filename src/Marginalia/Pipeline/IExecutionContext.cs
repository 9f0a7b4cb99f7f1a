using System.Collections.Immutable;
using Marginalia.Diagnostics;

namespace Marginalia.Pipeline;

/// <summary>What a module sees while it runs: the build, the pipeline and phase it runs in, and the outputs it may read.</summary>
internal interface IExecutionContext
{
    BuildContext Build { get; }

    string PipelineName { get; }

    Phase Phase { get; }

    /// <summary>The pipelines this one declared: the only ones <see cref="OutputsOf"/> may read.</summary>
    ImmutableArray<string> Dependencies { get; }

    CancellationToken CancellationToken => Build.CancellationToken;

    DiagnosticBag Diagnostics => Build.Diagnostics;

    /// <summary>The final documents of a pipeline this one declared as a dependency.</summary>
    /// <exception cref="UndeclaredDependencyException">The pipeline was not declared as a dependency.</exception>
    ImmutableArray<Document> OutputsOf(string pipelineName);
}

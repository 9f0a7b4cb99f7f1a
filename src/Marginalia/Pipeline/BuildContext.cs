using System.Collections.Concurrent;
using Marginalia.Diagnostics;

namespace Marginalia.Pipeline;

/// <summary>Everything a build shares: where things are, the site settings, the diagnostics collector, cancellation.</summary>
internal sealed class BuildContext
{
    public BuildContext(BuildRoots roots, DiagnosticBag diagnostics, CancellationToken cancellationToken = default)
    {
        Roots = roots;
        Diagnostics = diagnostics;
        CancellationToken = cancellationToken;
    }

    public BuildRoots Roots { get; }

    public DiagnosticBag Diagnostics { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Settings shared by every pipeline; set by the builder before the engine runs.</summary>
    public Metadata Settings { get; init; } = Metadata.Empty;

    /// <summary>When false (the <c>check</c> command) nothing is written: the Output phase does not run.</summary>
    public bool WriteOutput { get; init; } = true;

    /// <summary>Whether a note that no longer fits a corrected essay is listed as unanchored (a warning) instead of failing the build.</summary>
    public bool AllowUnanchored { get; init; }

    /// <summary>How the user runs marginalia, for hints that tell them to run it again.</summary>
    public CommandName Command { get; init; } = CommandName.Default;

    /// <summary>Results kept between builds (the preview's); null for a plain build, which does all its work.</summary>
    public BuildCache? Cache { get; init; }

    /// <summary>
    /// Pipelines whose documents are taken from the last build through <see cref="Cache"/> that made them, instead of
    /// being made again: the preview's first pass after a save, which puts the changed pages on screen before it
    /// remakes the editions (EPUB, single file, search index, feed). A pipeline the cache holds nothing for runs.
    /// </summary>
    public IReadOnlySet<string> Carried { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// The pages browsers show (output files such as <c>notes/index.html</c>), when the preview's pages pass renders
    /// only those: every other page is the last clean build's through <see cref="Cache"/>, remade by the whole build
    /// that follows. Null renders every page.
    /// </summary>
    public IReadOnlySet<string>? Shown { get; init; }

    /// <summary>Results kept on disk between processes (<c>build</c>'s, unless <c>--no-cache</c>); null when none is used.</summary>
    public DiskCache? Disk { get; init; }

    private readonly ConcurrentQueue<(Action Commit, Action Discard)> _pending = new();

    /// <summary>
    /// Output-phase work that must become visible only if the whole build succeeds (the swap of the staging folder
    /// into place). The engine runs <paramref name="commit"/> once every Output phase has finished with no error and
    /// no cancellation, and <paramref name="discard"/> otherwise, so an error or cancellation anywhere, even in
    /// another pipeline's Output phase, leaves the previous output as it was.
    /// </summary>
    public void Defer(Action commit, Action discard)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(discard);
        _pending.Enqueue((commit, discard));
    }

    /// <summary>Runs the deferred commits (or discards), each once; called by the engine at the end of a build.</summary>
    internal void Complete(bool commit)
    {
        while (_pending.TryDequeue(out var pending))
        {
            (commit ? pending.Commit : pending.Discard)();
        }
    }
}

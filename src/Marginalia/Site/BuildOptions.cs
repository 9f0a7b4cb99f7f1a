using Marginalia.Diagnostics;

namespace Marginalia.Site;

/// <summary>What to build: the three folders (relative to <see cref="WorkingDirectory"/>) and whether to write.</summary>
internal sealed record BuildOptions(string Input = "input", string Theme = "theme", string Output = "output")
{
    /// <summary>False for <c>check</c>: validate everything, write nothing.</summary>
    public bool Write { get; init; } = true;

    /// <summary><c>--allow-unanchored</c>: notes that no longer fit a corrected essay are listed, not fatal.</summary>
    public bool AllowUnanchored { get; init; }

    /// <summary>How the user runs marginalia, for hints that tell them to run it again (e.g. <c>check --fix</c>).</summary>
    public CommandName Command { get; init; } = CommandName.Default;

    /// <summary>Results kept between builds: the preview passes one so a rebuild redoes only what a change touched.</summary>
    public Pipeline.BuildCache? Cache { get; init; }

    /// <summary>
    /// Pipelines whose documents come from the last clean build through <see cref="Cache"/> rather than being made
    /// again (<see cref="Pipeline.BuildContext.Carried"/>): the preview's pages-first pass. Such a build is not the
    /// end of one through the cache: what the carried pipelines use stays in it for the whole build that follows.
    /// </summary>
    public IReadOnlySet<string> Carried { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The pages browsers show, when only those are rendered anew (<see cref="Pipeline.BuildContext.Shown"/>); null renders every page.</summary>
    public IReadOnlySet<string>? Shown { get; init; }

    /// <summary>
    /// Keep costly results on disk in <c>.marginalia/cache/</c> beside the input folder (<see cref="Pipeline.DiskCache"/>)
    /// and use them: <c>build</c> does, unless <c>--no-cache</c>. The output is the same with or without it.
    /// </summary>
    public bool DiskCache { get; init; }

    /// <summary>Where relative folders start and what diagnostics are shown relative to; the current directory when null.</summary>
    public string? WorkingDirectory { get; init; }
}

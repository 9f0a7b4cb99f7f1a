using Marginalia.Annotations;

namespace Marginalia.Importing;

/// <summary>What <c>marginalia import</c> was asked for.</summary>
/// <param name="Input">The site's input folder (essay.md, annotations/, questions/).</param>
/// <param name="Files">The annotation files to import, as the user typed them.</param>
internal sealed record ImportRequest(string Input, IReadOnlyList<string> Files)
{
    /// <summary>Report what would be written, and write nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Replace a note file that holds the same note (same id, or same quote, author and day).</summary>
    public bool Update { get; init; }

    /// <summary>The GitHub handle for annotations that name no author, or one that is not a handle.</summary>
    public string? Author { get; init; }

    /// <summary>The kind of a note that neither a tag nor its motivation decides.</summary>
    public NoteKind DefaultKind { get; init; } = NoteKind.Context;

    /// <summary>Today, for annotations that carry no date.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

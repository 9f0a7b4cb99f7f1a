using System.Collections.Immutable;

namespace Marginalia.Scaffolding;

/// <summary>Whose mistake a problem is: the command line's (exit 2) or the input's (exit 1).</summary>
internal enum ProblemKind
{
    Usage,
    Input,
}

/// <summary>Why no file could be written, and what to do about it.</summary>
internal sealed record ScaffoldProblem(ProblemKind Kind, string Message, string? Hint = null);

/// <summary>A file ready to write: its folder under <c>input/</c>, its id (the file name), its text, and what to tell the contributor.</summary>
internal sealed record Scaffold(string Folder, string Id, string Content, ImmutableArray<string> Notes, ImmutableArray<string> Warnings)
{
    /// <summary>The path under <c>input/</c>, e.g. <c>annotations/wto-rules.md</c>.</summary>
    public string RelativePath => $"{Folder}/{Id}.md";
}

/// <summary>Either a scaffold or the problem that stopped it.</summary>
internal sealed record ScaffoldResult(Scaffold? Scaffold, ScaffoldProblem? Problem)
{
    public static ScaffoldResult Of(Scaffold scaffold) => new(scaffold, null);

    public static ScaffoldResult Fail(ProblemKind kind, string message, string? hint = null) => new(null, new ScaffoldProblem(kind, message, hint));
}

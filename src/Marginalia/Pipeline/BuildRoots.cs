namespace Marginalia.Pipeline;

/// <summary>
/// The folders of a build, as full paths, and the folder diagnostics are shown relative to
/// (the working directory, so paths are clickable in a terminal and match a pull request's diff).
/// </summary>
internal sealed record BuildRoots(string Input, string Theme, string Output, string DisplayBase)
{
    public static BuildRoots From(string input, string theme, string output, string? displayBase = null)
    {
        var cwd = displayBase ?? Directory.GetCurrentDirectory();
        return new BuildRoots(
            Path.GetFullPath(input, cwd),
            Path.GetFullPath(theme, cwd),
            Path.GetFullPath(output, cwd),
            Path.GetFullPath(cwd));
    }

    /// <summary>The sibling folder a build writes into before it replaces <see cref="Output"/>.</summary>
    public string Staging => Output.TrimEnd(Path.DirectorySeparatorChar) + ".staging";

    /// <summary>A full path as diagnostics show it: relative to <see cref="DisplayBase"/> when inside it, forward slashes.</summary>
    public string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(DisplayBase, fullPath);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
        return shown.Replace(Path.DirectorySeparatorChar, '/');
    }
}

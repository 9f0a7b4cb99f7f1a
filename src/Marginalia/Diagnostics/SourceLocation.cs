namespace Marginalia.Diagnostics;

/// <summary>A place in an input file: a path relative to the site root (forward slashes) and a one-based line and column.</summary>
internal readonly record struct SourceLocation(string Path, int Line, int Column)
{
    public static SourceLocation File(string path) => new(path, 1, 1);

    public override string ToString() => $"{Path}:{Line}:{Column}";
}

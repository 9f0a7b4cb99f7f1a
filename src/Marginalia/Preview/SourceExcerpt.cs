using Marginalia.Diagnostics;

namespace Marginalia.Preview;

/// <summary>
/// The lines around a diagnostic's place, read from the file as it is now: the line it names with one line before
/// and after, and the column the caret goes under. Long lines are cut to a window around the column.
/// </summary>
/// <param name="FirstNumber">The line number of <see cref="Lines"/>' first line.</param>
/// <param name="Lines">The lines shown, each already cut to the window (no line break in any).</param>
/// <param name="At">The index in <see cref="Lines"/> of the line the diagnostic names.</param>
/// <param name="CaretAt">How many characters of that shown line come before the caret.</param>
/// <param name="CutBefore">Whether the shown lines start after the lines' first character (shown as an ellipsis).</param>
internal sealed record SourceExcerpt(int FirstNumber, IReadOnlyList<string> Lines, int At, int CaretAt, bool CutBefore)
{
    /// <summary>How many characters of a line are shown: enough for any sensible line, few enough to see the caret.</summary>
    public const int Width = 100;

    private const int Context = 1;

    // Budgets: a file over this is not read (the essay's own limit is half a megabyte).
    private const long MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>
    /// The excerpt at a location whose path is relative to <paramref name="root"/>; null when the path leaves the
    /// root, names no readable text file, or the line is not in it (a folder, a file since deleted, an image).
    /// </summary>
    public static SourceExcerpt? Read(string root, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (string.IsNullOrEmpty(location.Path) || location.Line < 1)
        {
            return null;
        }

        var text = ReadText(root, location.Path);
        if (text is null)
        {
            return null;
        }

        // Lines as the readers number them: split at '\n', a '\r' before it belongs to the break.
        var lines = text.Split('\n');
        if (location.Line > lines.Length)
        {
            return null;
        }

        var first = Math.Max(1, location.Line - Context);
        var last = Math.Min(lines.Length, location.Line + Context);
        if (last == lines.Length && lines[^1].Length == 0 && last > location.Line)
        {
            last--; // the "line" after a file's final line break is not a line
        }

        var shown = lines[(first - 1)..last].Select(line => line.TrimEnd('\r')).ToArray();
        var at = location.Line - first;
        var column = Math.Clamp(location.Column - 1, 0, shown[at].Length);
        var start = WindowStart(shown[at].Length, column);
        if (start > 0 && char.IsLowSurrogate(shown[at][start]))
        {
            start++; // the window starts after a whole character, the caret's line decides which
        }

        return new SourceExcerpt(first, [.. shown.Select(line => Cut(line, start))], at, column - start, start > 0);
    }

    private static string? ReadText(string root, string path)
    {
        var full = Path.GetFullPath(path, root);
        var inside = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(inside, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var file = new FileInfo(full);
            if (!file.Exists || file.Length > MaxFileBytes)
            {
                return null;
            }

            var text = File.ReadAllText(full);
            return text.Contains('\0', StringComparison.Ordinal) ? null : text; // not text: an image or other bytes
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // gone or locked since the build: the page shows the diagnostic without its lines
        }
    }

    /// <summary>Where the shown part of a long line starts: the column at about a third of the window.</summary>
    private static int WindowStart(int length, int column) =>
        length <= Width ? 0 : Math.Clamp(column - (Width / 3), 0, Math.Max(0, length - Width));

    private static string Cut(string line, int start)
    {
        if (start >= line.Length)
        {
            return string.Empty;
        }

        // Never split a surrogate pair: half a character would show as an escape.
        if (start > 0 && char.IsLowSurrogate(line[start]))
        {
            start++;
        }

        var end = Math.Min(line.Length, start + Width);
        if (end < line.Length && char.IsHighSurrogate(line[end - 1]))
        {
            end--;
        }

        return line[start..end];
    }
}

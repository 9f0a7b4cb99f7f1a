using Marginalia.Diagnostics;

namespace Marginalia.Content;

/// <summary>
/// How deeply a body may nest, checked on its text before Markdig parses it. Markdig refuses a syntax tree deeper than
/// 128 levels by throwing an ArgumentException ("too deeply nested"): 128 <c>&gt;</c>, 64 nested list levels (a list
/// and its item are two levels), about 1,000 unclosed <c>[</c> or a run of 1,000 <c>*</c> reach it. That would be a
/// crash with no file named, so the depth is estimated here from above, line by line, and refused at the marker that
/// crosses it. Real bodies nest at most 2 levels of either kind.
/// </summary>
internal static class BodyNesting
{
    /// <summary>
    /// Block containers on one line: each <c>&gt;</c> and list marker in its prefix counts one, and so does every two
    /// columns of indentation (a nested list needs at least two), so indentation-only nesting is counted too.
    /// </summary>
    public const int MaxBlockDepth = 16;

    /// <summary>
    /// Open inline containers in a paragraph: every <c>[</c> not yet closed by a <c>]</c> and every emphasis delimiter
    /// (<c>*</c>, <c>_</c>, <c>~</c>) that may open and is not yet closed.
    /// </summary>
    public const int MaxInlineDepth = 16;

    /// <summary>Reports the first place the body nests too deeply; true when it does not.</summary>
    public static bool Check(string body, string path, int bodyLine, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var lines = body.Split('\n');
        var inline = 0;
        string? fence = null;
        var fenceIndent = 0;
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            if (fence is not null && Indent(line) < fenceIndent && !string.IsNullOrWhiteSpace(line))
            {
                // Less indented than its fence, the line may have left the list item the fence was in: scan it.
                fence = null;
            }

            if (fence is not null)
            {
                // Inside fenced code everything is text, however it looks.
                fence = IsClosingFence(line, fence) ? null : fence;
                continue;
            }

            if (IsFence(line, out var opener))
            {
                (fence, fenceIndent, inline) = (opener, Indent(line), 0);
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                inline = 0; // a blank line ends the paragraph, and every inline container with it
                continue;
            }

            var (start, crossedAt) = BlockPrefix(line);
            if (crossedAt >= 0)
            {
                Report(n, crossedAt, $"block quotes and lists nest more than {MaxBlockDepth} levels deep here", "flatten the quotes or lists");
                return false;
            }

            if (Inline(line, start, ref inline) is var at and >= 0)
            {
                Report(n, at, $"links, images and emphasis nest more than {MaxInlineDepth} levels deep here", "close the brackets and emphasis you open, or escape them with '\\'");
                return false;
            }
        }

        return true;

        void Report(int line, int index, string message, string hint) =>
            diagnostics.Error(DiagnosticCodes.BodyTooDeep, new SourceLocation(path, bodyLine + line, index + 1), message, hint);
    }

    /// <summary>Where the line's content starts after its container markers, and where the depth crossed the limit (-1 if not).</summary>
    private static (int Start, int CrossedAt) BlockPrefix(string line)
    {
        var (i, depth, columns) = (0, 0, 0);
        while (i < line.Length)
        {
            if (line[i] is ' ' or '\t')
            {
                columns += line[i] == '\t' ? 4 : 1;
                for (; columns >= 2; columns -= 2)
                {
                    if (++depth > MaxBlockDepth)
                    {
                        return (i, i);
                    }
                }

                i++;
                continue;
            }

            var marker = MarkerLength(line, i);
            if (marker == 0 || IsThematicBreak(line, i))
            {
                break;
            }

            if (++depth > MaxBlockDepth)
            {
                return (i, i);
            }

            // The one space that belongs to the marker is not indentation.
            i += marker;
            if (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }
        }

        return (i, -1);
    }

    /// <summary>The length of a block quote or list marker at <paramref name="i"/>, or 0.</summary>
    private static int MarkerLength(string line, int i)
    {
        static bool EndsMarker(string line, int j) => j >= line.Length || line[j] is ' ' or '\t';
        if (line[i] == '>')
        {
            return 1;
        }

        if (line[i] is '-' or '+' or '*')
        {
            return EndsMarker(line, i + 1) ? 1 : 0;
        }

        var j = i;
        while (j < line.Length && j - i < 9 && char.IsAsciiDigit(line[j]))
        {
            j++;
        }

        return j > i && j < line.Length && line[j] is '.' or ')' && EndsMarker(line, j + 1) ? j + 1 - i : 0;
    }

    /// <summary><c>* * *</c> and <c>- - -</c> are a rule, not three list markers.</summary>
    private static bool IsThematicBreak(string line, int i)
    {
        var c = line[i];
        if (c is not ('-' or '*' or '_'))
        {
            return false;
        }

        var count = 0;
        for (var j = i; j < line.Length; j++)
        {
            if (line[j] == c)
            {
                count++;
            }
            else if (line[j] is not (' ' or '\t'))
            {
                return false;
            }
        }

        return count >= 3;
    }

    /// <summary>Adds the line's inline openers to <paramref name="depth"/>; the index where it crossed the limit, or -1.</summary>
    private static int Inline(string line, int start, ref int depth)
    {
        for (var i = start; i < line.Length; i++)
        {
            var c = line[i];
            switch (c)
            {
                case '\\':
                    i++; // an escaped character is text
                    break;
                case '`':
                    i = SkipCodeSpan(line, i);
                    break;
                case '[':
                    if (++depth > MaxInlineDepth)
                    {
                        return i;
                    }

                    break;
                case ']':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '*' or '_' or '~':
                    var end = i;
                    while (end < line.Length && line[end] == c)
                    {
                        end++;
                    }

                    var run = end - i;
                    var before = i > 0 ? line[i - 1] : ' ';
                    var after = end < line.Length ? line[end] : ' ';
                    var opens = !char.IsWhiteSpace(after) && (!IsPunctuation(after) || char.IsWhiteSpace(before) || IsPunctuation(before));
                    var closes = !char.IsWhiteSpace(before) && (!IsPunctuation(before) || char.IsWhiteSpace(after) || IsPunctuation(after));
                    if (opens && (!closes || depth == 0))
                    {
                        if ((depth += run) > MaxInlineDepth)
                        {
                            return i;
                        }
                    }
                    else if (closes)
                    {
                        depth = Math.Max(0, depth - run);
                    }

                    i = end - 1;
                    break;
            }
        }

        return -1;
    }

    /// <summary>The last index of a code span that opens at <paramref name="i"/> and closes on the same line, else <paramref name="i"/>'s run.</summary>
    private static int SkipCodeSpan(string line, int i)
    {
        var end = i;
        while (end < line.Length && line[end] == '`')
        {
            end++;
        }

        var run = line[i..end];
        for (var j = line.IndexOf(run, end, StringComparison.Ordinal); j >= 0; j = line.IndexOf(run, j + run.Length, StringComparison.Ordinal))
        {
            var close = j + run.Length;
            if ((j == 0 || line[j - 1] != '`') && (close >= line.Length || line[close] != '`'))
            {
                return close - 1;
            }

            while (close < line.Length && line[close] == '`')
            {
                close++;
            }

            j = close - run.Length;
        }

        return end - 1;
    }

    private static int Indent(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }

        return i;
    }

    private static bool IsPunctuation(char c) => char.IsPunctuation(c) || char.IsSymbol(c);

    private static bool IsFence(string line, out string opener)
    {
        opener = string.Empty;
        var i = 0;
        while (i < line.Length && i < 3 && line[i] == ' ')
        {
            i++;
        }

        if (i >= line.Length || line[i] is not ('`' or '~'))
        {
            return false;
        }

        var end = i;
        while (end < line.Length && line[end] == line[i])
        {
            end++;
        }

        if (end - i < 3 || (line[i] == '`' && line.IndexOf('`', end) >= 0))
        {
            return false;
        }

        opener = line[i..end];
        return true;
    }

    private static bool IsClosingFence(string line, string opener) =>
        IsFence(line, out var fence) && fence[0] == opener[0] && fence.Length >= opener.Length && line.TrimEnd().EndsWith(fence, StringComparison.Ordinal);
}

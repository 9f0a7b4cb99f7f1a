using System.Text;

namespace Marginalia.Tests.Architecture;

/// <summary>
/// C# source with its comments and the text of its string and character literals blanked, keeping every line break
/// (so places keep their line numbers) and the code inside interpolation holes (<c>$"{Content.FieldLimits.Shorten(x)}"</c>
/// is a real use). Enough of a lexer for reading which names a file uses; not a parser.
/// </summary>
internal static class CodeText
{
    public static string Of(string source)
    {
        var output = new StringBuilder(source.Length);
        var holes = new Stack<Literal>(); // the strings whose interpolation holes the scan is inside, innermost on top
        var depth = new Stack<int>();     // the open braces inside each of those holes
        var i = 0;
        while (i < source.Length)
        {
            if (Starts(source, i, "//"))
            {
                while (i < source.Length && source[i] != '\n')
                {
                    i++;
                }
            }
            else if (Starts(source, i, "/*"))
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                var stop = end < 0 ? source.Length : end + 2;
                Blank(output, source, i, stop);
                i = stop;
            }
            else if (source[i] == '\'')
            {
                var stop = i + 1;
                while (stop < source.Length && source[stop] != '\'' && source[stop] != '\n')
                {
                    stop += source[stop] == '\\' ? 2 : 1;
                }

                Blank(output, source, i, Math.Min(stop + 1, source.Length));
                i = stop + 1;
            }
            else if (LiteralAt(source, i) is { } literal)
            {
                output.Append(' ', literal.PrefixLength);
                i = String(source, i + literal.PrefixLength, literal, output, holes, depth);
            }
            else if (source[i] == '{' && depth.Count > 0)
            {
                depth.Push(depth.Pop() + 1);
                output.Append('{');
                i++;
            }
            else if (source[i] == '}' && depth.Count > 0 && depth.Peek() == 0)
            {
                // the hole closes: back into the string that opened it
                depth.Pop();
                output.Append('}');
                i = String(source, i + 1, holes.Pop(), output, holes, depth, resumed: true);
            }
            else
            {
                if (source[i] == '}' && depth.Count > 0)
                {
                    depth.Push(depth.Pop() - 1);
                }

                output.Append(source[i]);
                i++;
            }
        }

        return output.ToString();
    }

    // Blanks a string from its opening quotes; returns where the scan goes on: after the string, or inside a hole.
    private static int String(string source, int i, Literal literal, StringBuilder output, Stack<Literal> holes, Stack<int> depth, bool resumed = false)
    {
        if (!resumed)
        {
            output.Append(' ', literal.Quotes);
            i += literal.Quotes;
        }

        while (i < source.Length)
        {
            var c = source[i];
            if (literal.Quotes >= 3 ? Starts(source, i, new string('"', literal.Quotes)) : c == '"' && !(literal.Verbatim && Starts(source, i, "\"\"")))
            {
                output.Append(' ', literal.Quotes);
                return i + literal.Quotes;
            }

            if (literal.Interpolated && Starts(source, i, new string('{', literal.Dollars)) && !Starts(source, i, new string('{', literal.Dollars + 1)))
            {
                output.Append('{');
                holes.Push(literal);
                depth.Push(0);
                return i + literal.Dollars;
            }

            var width = (c == '\\' && !literal.Verbatim && literal.Quotes < 3) || (literal.Verbatim && Starts(source, i, "\"\""))
                || (literal.Interpolated && Starts(source, i, "{{") && literal.Dollars == 1) ? 2 : 1;
            Blank(output, source, i, Math.Min(i + width, source.Length));
            i += width;
        }

        return i;
    }

    private static Literal? LiteralAt(string source, int i)
    {
        var start = i;
        var dollars = 0;
        var verbatim = false;
        while (i < source.Length && (source[i] == '$' || source[i] == '@'))
        {
            dollars += source[i] == '$' ? 1 : 0;
            verbatim |= source[i] == '@';
            i++;
        }

        if (i >= source.Length || source[i] != '"' || (start > 0 && (char.IsLetterOrDigit(source[start - 1]) || source[start - 1] == '_') && i > start))
        {
            return null;
        }

        var quotes = 0;
        while (i + quotes < source.Length && source[i + quotes] == '"')
        {
            quotes++;
        }

        // "" is an empty string, """ opens a raw one
        return new Literal(i - start, quotes >= 3 ? quotes : 1, verbatim, dollars > 0, Math.Max(dollars, 1));
    }

    private static void Blank(StringBuilder output, string source, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            output.Append(source[k] == '\n' ? '\n' : ' ');
        }
    }

    private static bool Starts(string source, int i, string text) => string.CompareOrdinal(source, i, text, 0, text.Length) == 0;

    private sealed record Literal(int PrefixLength, int Quotes, bool Verbatim, bool Interpolated, int Dollars);
}

using System.Globalization;
using Marginalia.Diagnostics;

namespace Marginalia.Content;

/// <summary>
/// The size a contributed body may have, checked on its text before Markdig or HtmlSanitizer see it, because their
/// work is not linear in every shape of input: Markdig's pipe tables cost 27 s for one row of 20,000 cells. The
/// largest real body (an initiative page) is 1,583 characters on 8 lines with no table; the values leave more than
/// ten times that, and the worst input they admit is measured in tests/Marginalia.Benchmarks/Limits/cases.
/// </summary>
internal static class BodyBudget
{
    /// <summary>Characters (UTF-16 code units) in a body: about 3,000 words.</summary>
    public const int MaxCharacters = 20_000;

    /// <summary>Lines in a body.</summary>
    public const int MaxLines = 1_000;

    /// <summary>
    /// <c>|</c> in a body, escaped or not (<c>\\|</c> is an escaped backslash and a cell boundary). Each one can start a
    /// table cell, so counting them bounds a table's cells and columns without parsing it; prose stays far under.
    /// </summary>
    public const int MaxTableCells = 1_000;

    /// <summary>
    /// Emphasis marks (<c>*</c>, <c>_</c>, <c>~</c>) in a body. Markdig matches emphasis delimiters in time that grows
    /// faster than their number: 10,000 intraword <c>a*</c> take over 2 s to parse. Real bodies use at most 12.
    /// </summary>
    public const int MaxEmphasisMarks = 1_000;

    /// <summary>Reports the first place where the body crosses each budget; true when it is within all of them.</summary>
    /// <param name="body">The body as in the file (LF line ends).</param>
    /// <param name="path">The file, as diagnostics show it.</param>
    /// <param name="bodyLine">The file line the body starts on.</param>
    /// <param name="what">What the text is, in the messages: a contribution's "body", or one "paragraph" of the essay.</param>
    public static bool Check(string body, string path, int bodyLine, DiagnosticBag diagnostics, string what = "body")
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var ok = true;
        void Over(int line, int column, string message, string hint)
        {
            ok = false;
            diagnostics.Error(DiagnosticCodes.BodyOverBudget, new SourceLocation(path, bodyLine + line, column), message, hint);
        }

        var (line, column, lines, cells, marks) = (0, 1, 1, 0, 0);
        var (charactersReported, linesReported, cellsReported, marksReported) = (false, false, false, false);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (i == MaxCharacters && !charactersReported)
            {
                charactersReported = true;
                Over(line, column, $"the {what} is longer than {N(MaxCharacters)} characters", Split(what));
            }

            if (c == '|' && ++cells > MaxTableCells && !cellsReported)
            {
                cellsReported = true;
                Over(line, column, $"the {what} has more than {N(MaxTableCells)} table cells ('|')", "a note's table should be small: link to the full data instead");
            }

            if (c is '*' or '_' or '~' && ++marks > MaxEmphasisMarks && !marksReported)
            {
                marksReported = true;
                Over(line, column, $"the {what} has more than {N(MaxEmphasisMarks)} emphasis marks ('*', '_', '~')", "use emphasis sparingly: a note's text needs few marks");
            }

            if (c == '\n')
            {
                (line, column) = (line + 1, 1);
                if (i + 1 < body.Length && ++lines > MaxLines && !linesReported)
                {
                    linesReported = true;
                    Over(line, 1, $"the {what} has more than {N(MaxLines)} lines", Split(what));
                }
            }
            else
            {
                column++;
            }
        }

        return ok;
    }

    private static string Split(string what) => what == "body" ? "shorten it, or split it into several notes" : $"split the {what} in two with a blank line";

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

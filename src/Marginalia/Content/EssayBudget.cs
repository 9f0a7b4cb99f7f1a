using System.Globalization;
using System.Text.RegularExpressions;
using Marginalia.Diagnostics;

namespace Marginalia.Content;

/// <summary>
/// How much structure the essay may have, counted on its text before Markdig parses it. The essay may be 512 KB, and
/// each heading, paragraph, list item, table cell, emphasis, code span or line break becomes elements that every later stage walks (sections,
/// weaving, the EPUB, link validation): 512 KB of '## ' headings took 276 s to build and of list items 24 s, where
/// 512 KB of prose takes under a second. The values are far above an essay's (the published one has 7 headings,
/// 30 paragraphs, no list, table or emphasis) and keep the worst accepted essay within a few seconds, measured in
/// tests/Marginalia.Benchmarks/Limits/cases/essay-structure-at-budget.sh.
/// </summary>
internal static partial class EssayBudget
{
    public const int MaxHeadings = 200;

    /// <summary>Blocks: runs of lines between blank lines (paragraphs, and a list or table counts once here).</summary>
    public const int MaxBlocks = 3_000;

    public const int MaxListItems = 2_000;

    /// <summary><c>|</c> characters, each of which can start a table cell.</summary>
    public const int MaxTableCells = 5_000;

    /// <summary><c>*</c>, <c>_</c> and <c>~</c>: each pair can become an emphasis element.</summary>
    public const int MaxEmphasisMarks = 10_000;

    /// <summary>Backticks: each pair can become a code element (512 KB of code spans took 3.9 s).</summary>
    public const int MaxBackticks = 10_000;

    /// <summary>Hard line breaks (a line ending in two spaces or a backslash): 512 KB of them took 3.5 s.</summary>
    public const int MaxLineBreaks = 2_000;

    /// <summary>
    /// False only in the scaling benchmark (tests/Marginalia.Benchmarks, ScaleRun), whose 10× essay has ten times
    /// these budgets' headings and blocks by design; it turns the check off for its own process.
    /// </summary>
    public static bool Enforced { get; set; } = true;

    /// <summary>Reports the first place the essay crosses each budget; true when it is within all of them.</summary>
    public static bool Check(string body, string path, int bodyLine, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (!Enforced)
        {
            return true;
        }

        var ok = true;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        void Over(string what, int limit, int line, int column)
        {
            if (reported.Add(what))
            {
                ok = false;
                diagnostics.Error(DiagnosticCodes.BodyOverBudget, new SourceLocation(path, bodyLine + line, column),
                    $"the essay has more than {limit.ToString("N0", CultureInfo.InvariantCulture)} {what}",
                    "an essay is prose: if this is really the text, split it into several essays");
            }
        }

        var (headings, blocks, items, cells, marks, ticks, breaks, blank) = (0, 0, 0, 0, 0, 0, 0, true);
        var lines = body.Split('\n');
        for (var line = 0; line < lines.Length; line++)
        {
            var text = lines[line];
            if (string.IsNullOrWhiteSpace(text))
            {
                blank = true;
                continue;
            }

            if (blank && ++blocks > MaxBlocks)
            {
                Over("paragraphs and other blocks", MaxBlocks, line, 1);
            }

            blank = false;
            if (Heading().IsMatch(text) && ++headings > MaxHeadings)
            {
                Over("headings", MaxHeadings, line, 1);
            }

            if (ListItem().IsMatch(text) && ++items > MaxListItems)
            {
                Over("list items", MaxListItems, line, 1);
            }

            if ((text.EndsWith("  ", StringComparison.Ordinal) || text.EndsWith('\\')) && ++breaks > MaxLineBreaks)
            {
                Over("line breaks (a line ending in two spaces or '\\')", MaxLineBreaks, line, text.Length);
            }

            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '|' && ++cells > MaxTableCells)
                {
                    Over("table cells ('|')", MaxTableCells, line, i + 1);
                }
                else if (text[i] is '*' or '_' or '~' && ++marks > MaxEmphasisMarks)
                {
                    Over("emphasis marks ('*', '_', '~')", MaxEmphasisMarks, line, i + 1);
                }
                else if (text[i] == '`' && ++ticks > MaxBackticks)
                {
                    Over("backticks ('`', code)", MaxBackticks, line, i + 1);
                }
            }
        }

        return ok;
    }

    [GeneratedRegex(@"^ {0,3}#{1,6}(\s|$)")]
    private static partial Regex Heading();

    // After any quote marks and indentation: a bullet or an ordinal and its delimiter, then space or the line's end.
    [GeneratedRegex(@"^[ \t>]*([-+*]|[0-9]{1,9}[.)])(\s|$)")]
    private static partial Regex ListItem();
}

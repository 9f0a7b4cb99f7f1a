using AngleSharp.Dom;

namespace Marginalia.Importing;

/// <summary>
/// Writes an HTML table as a pipe table for <see cref="HtmlToMarkdown"/>. The header is the thead's row (or the first
/// row); column alignment comes from the header cells' classes, the only form the renderer's sanitiser lets through
/// (<see cref="Content.TableAlignment"/>). Cells hold one line of inline Markdown, with '|' escaped by the text writer.
/// </summary>
internal static class MarkdownTable
{
    /// <param name="cell">Writes a cell's content as one line of Markdown.</param>
    /// <returns>The table, or null when it has no row.</returns>
    public static string? Write(IElement table, Func<IElement, string> cell)
    {
        var rows = table.QuerySelectorAll("tr").Where(r => r.Closest("table") == table).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var header = rows.FirstOrDefault(r => r.ParentElement?.NodeName == "THEAD") ?? rows[0];
        rows.Remove(header);
        var headerCells = Cells(header);
        if (headerCells.Count == 0)
        {
            return null;
        }

        var lines = new List<string>
        {
            Row(headerCells.Select(cell)),
            Row(headerCells.Select(Alignment)),
        };
        lines.AddRange(rows.Select(r => Row(Cells(r).Select(cell))));
        return string.Join("\n", lines);
    }

    private static List<IElement> Cells(IElement row) => row.Children.Where(c => c.NodeName is "TD" or "TH").ToList();

    private static string Row(IEnumerable<string> cells) => "| " + string.Join(" | ", cells) + " |";

    private static string Alignment(IElement cell) =>
        cell.ClassList.Contains("align-center") ? ":-:" : cell.ClassList.Contains("align-right") ? "--:" : cell.ClassList.Contains("align-left") ? ":--" : "---";
}

using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Marginalia.Content;

/// <summary>
/// Moves a pipe table's column alignment from the <c>style="text-align: …"</c> Markdig would write to classes
/// (<c>align-left</c>, <c>align-center</c>, <c>align-right</c>): the site's Content-Security-Policy forbids style
/// attributes, and the sanitiser strips them.
/// </summary>
internal static class TableAlignment
{
    public static void ToClasses(MarkdownDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var table in document.Descendants<Table>())
        {
            foreach (var row in table.OfType<TableRow>())
            {
                for (var i = 0; i < row.Count; i++)
                {
                    var cell = (TableCell)row[i];
                    var column = cell.ColumnIndex < 0 ? i : cell.ColumnIndex;
                    if (column < table.ColumnDefinitions.Count && table.ColumnDefinitions[column].Alignment is { } alignment)
                    {
                        cell.GetAttributes().AddClass("align-" + alignment.ToString().ToLowerInvariant());
                    }
                }
            }

            foreach (var definition in table.ColumnDefinitions)
            {
                definition.Alignment = null;
            }
        }
    }
}

using AngleSharp.Dom;
using Marginalia.Diagnostics;

namespace Marginalia.Validation;

/// <summary>
/// Ids used by more than one element of a page. The second element takes over nothing visible but every link to the
/// first (a browser goes to the first, assistive technology and scripts may take either), and epubcheck refuses a
/// book with one: so a page with a duplicate id fails the build (MG0506). One pass and one set per page: linear.
/// </summary>
internal static class DuplicateIds
{
    /// <summary>Each id used more than once, with how many elements use it, in the order the first repeat appears.</summary>
    public static IReadOnlyList<(string Id, int Count)> In(IEnumerable<IElement> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);

        // The attribute, not Element.Id: AngleSharp gives "" for an element without one in some documents.
        return In(elements.Select(e => e.GetAttribute("id")).OfType<string>());
    }

    /// <summary>Each id given more than once in <paramref name="ids"/> (a page's, in order), with how many times.</summary>
    public static IReadOnlyList<(string Id, int Count)> In(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var repeated = new List<string>();
        foreach (var id in ids)
        {
            counts[id] = counts.TryGetValue(id, out var count) ? count + 1 : 1;
            if (count == 1)
            {
                repeated.Add(id);
            }
        }

        var duplicates = new List<(string Id, int Count)>(repeated.Count);
        foreach (var id in repeated)
        {
            duplicates.Add((id, counts[id]));
        }

        return duplicates;
    }

    public static void Report(string page, SourceLocation where, IReadOnlyList<(string Id, int Count)> duplicates, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(duplicates);
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var (id, count) in duplicates)
        {
            diagnostics.Error(DiagnosticCodes.DuplicateElementId, where, $"{page}: id '{id}' is used by {count} elements; links to it reach only one of them",
                "a contribution whose id makes an id the page already has must be renamed; otherwise the theme or the build gives one id twice");
        }
    }
}

using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Marginalia.Diagnostics;

namespace Marginalia.Importing;

/// <summary>
/// Finds the annotations of a parsed import file (which format it is, which pages it has) and reads each one,
/// collecting problems at their JSON pointers. One instance per file.
/// </summary>
internal sealed partial class ImportReader(JsonPositions positions)
{
    private readonly List<Diagnostic> _problems = [];
    private int _dropped;
    private bool _refused;

    public ImportDocumentResult Read(JsonElement root)
    {
        var found = new List<(JsonElement Element, string Pointer, ImportFormat Format)>();
        var format = FindAnnotations(root, found);
        if (format is null)
        {
            return Result(null, []);
        }

        if (_refused)
        {
            return Result(format, []);
        }

        if (found.Count > ImportLimits.MaxAnnotations)
        {
            Problem(DiagnosticCodes.ImportTooMany, string.Empty,
                $"the file holds {found.Count.ToString("N0", CultureInfo.InvariantCulture)} annotations, more than the limit of " +
                $"{ImportLimits.MaxAnnotations.ToString("N0", CultureInfo.InvariantCulture)}; it is refused",
                "split the export into several files and import each");
            return Result(format, []);
        }

        // A W3C annotation whose target is another annotation of the file is a reply, so every id is known first.
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (element, _, _) in found)
        {
            if (element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 and <= ImportLimits.MaxStringLength } text)
            {
                ids.Add(text);
            }
        }

        var annotations = ImmutableArray.CreateBuilder<ImportedAnnotation>(found.Count);
        foreach (var (element, pointer, annotationFormat) in found)
        {
            annotations.Add(annotationFormat == ImportFormat.Hypothesis
                ? ReadHypothesis(element, pointer)
                : ReadWebAnnotation(element, pointer, ids));
        }

        return Result(format, annotations.ToImmutable());
    }

    private ImportDocumentResult Result(ImportFormat? format, ImmutableArray<ImportedAnnotation> annotations)
    {
        if (_dropped > 0)
        {
            _problems.Add(Diagnostic.Error(DiagnosticCodes.ImportWrongType, positions.Locate(string.Empty),
                $"{_dropped.ToString("N0", CultureInfo.InvariantCulture)} more problems in this file are not shown (JSON pointer {JsonPositions.Show(string.Empty)})"));
        }

        return new ImportDocumentResult(format, annotations, [.. _problems]);
    }

    /// <summary>Which format the top level is, with every annotation object it holds; null when it is none we read.</summary>
    private ImportFormat? FindAnnotations(JsonElement root, List<(JsonElement, string, ImportFormat)> found)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            var format = root.EnumerateArray().FirstOrDefault(e => e.ValueKind == JsonValueKind.Object) is { ValueKind: JsonValueKind.Object } first && IsHypothesisAnnotation(first)
                ? ImportFormat.Hypothesis
                : ImportFormat.WebAnnotation;
            AddItems(root, string.Empty, format, found);
            return format;
        }

        if (root.ValueKind == JsonValueKind.Object)
        {
            if (root.TryGetProperty("rows", out _))
            {
                ReadSearchResponse(root, found);
                return ImportFormat.Hypothesis;
            }

            // The Hypothesis client's own export ({export_date, export_userid, client_version, annotations}): the rows
            // are the API's annotation objects, as in a search response.
            if (root.TryGetProperty("annotations", out var exported) && (root.TryGetProperty("export_date", out _) || root.TryGetProperty("client_version", out _)))
            {
                if (exported.ValueKind != JsonValueKind.Array)
                {
                    WrongType("/annotations", "'annotations' must be an array of annotations", exported);
                }
                else
                {
                    AddItems(exported, "/annotations", ImportFormat.Hypothesis, found);
                }

                return ImportFormat.Hypothesis;
            }

            if (HasType(root, "AnnotationCollection"))
            {
                ReadCollection(root, found);
                return ImportFormat.WebAnnotation;
            }

            if (HasType(root, "AnnotationPage"))
            {
                ReadPage(root, string.Empty, found);
                return ImportFormat.WebAnnotation;
            }

            if (HasType(root, "Annotation"))
            {
                found.Add((root, string.Empty, ImportFormat.WebAnnotation));
                return ImportFormat.WebAnnotation;
            }

            if (IsHypothesisAnnotation(root))
            {
                found.Add((root, string.Empty, ImportFormat.Hypothesis));
                return ImportFormat.Hypothesis;
            }
        }

        Problem(DiagnosticCodes.ImportUnknownFormat, string.Empty,
            $"the file is not an annotation export: its top level is {DescribeTop(root)} (JSON pointer {JsonPositions.Show(string.Empty)})",
            "import reads a W3C Annotation, AnnotationCollection or AnnotationPage (\"type\"), a JSON array of annotations, " +
            "a Hypothesis search response ({\"total\", \"rows\"}), the Hypothesis client's export ({\"export_date\", \"annotations\"}) " +
            "or one Hypothesis annotation (\"user\" and \"uri\")");
        return null;
    }

    private void ReadSearchResponse(JsonElement root, List<(JsonElement, string, ImportFormat)> found)
    {
        var rows = root.GetProperty("rows");
        if (rows.ValueKind != JsonValueKind.Array)
        {
            WrongType("/rows", "'rows' must be an array of annotations", rows);
            return;
        }

        AddItems(rows, "/rows", ImportFormat.Hypothesis, found);
        if (root.TryGetProperty("total", out var total) && total.ValueKind != JsonValueKind.Null)
        {
            if (total.ValueKind != JsonValueKind.Number || !total.TryGetInt64(out var count) || count < 0)
            {
                WrongType("/total", "'total' must be a non-negative integer", total);
            }
            else if (count > rows.GetArrayLength())
            {
                Problem(DiagnosticCodes.ImportRowsMissing, "/total",
                    $"only {rows.GetArrayLength().ToString(CultureInfo.InvariantCulture)} of {count.ToString(CultureInfo.InvariantCulture)} rows " +
                    "of the search are in this file (JSON pointer /total); the others are not imported",
                    "the Hypothesis API returns at most 200 rows a request: save every page of the search (search_after) and import each",
                    Severity.Warning);
            }
        }
    }

    /// <summary>The collection's pages, first to last, each embedded in the one before it ("first", then "next").</summary>
    private void ReadCollection(JsonElement collection, List<(JsonElement, string, ImportFormat)> found)
    {
        if (!collection.TryGetProperty("first", out var page) || page.ValueKind == JsonValueKind.Null)
        {
            return; // an empty collection has no first page (model §5.1)
        }

        var pointer = "/first";
        var pageIds = new HashSet<string>(StringComparer.Ordinal);
        for (var pages = 1; ; pages++)
        {
            if (page.ValueKind == JsonValueKind.String)
            {
                var iri = page.GetString()!;
                if (!pageIds.Contains(iri))
                {
                    Problem(DiagnosticCodes.ImportPageMissing, pointer,
                        $"page {Shorten(iri)} is not in this file; export it with its pages embedded (JSON pointer {pointer})",
                        "import reads files only and fetches nothing: save the collection with every page embedded, or each page as its own file");
                }

                return;
            }

            if (page.ValueKind != JsonValueKind.Object)
            {
                WrongType(pointer, "a page must be an AnnotationPage object or its address", page);
                return;
            }

            if (pages > ImportLimits.MaxPages)
            {
                _refused = true;
                Problem(DiagnosticCodes.ImportTooMany, pointer,
                    $"the collection has more than {ImportLimits.MaxPages.ToString("N0", CultureInfo.InvariantCulture)} pages, the limit (JSON pointer {pointer}); it is refused",
                    "split the export into several files and import each");
                return;
            }

            if (page.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                pageIds.Add(id.GetString()!);
            }

            ReadPage(page, pointer, found);
            if (!page.TryGetProperty("next", out page) || page.ValueKind == JsonValueKind.Null)
            {
                return;
            }

            pointer += "/next";
        }
    }

    private void ReadPage(JsonElement page, string pointer, List<(JsonElement, string, ImportFormat)> found)
    {
        if (!page.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            WrongType(pointer + "/items", "an AnnotationPage must have an 'items' array", items);
            return;
        }

        AddItems(items, pointer + "/items", ImportFormat.WebAnnotation, found);
    }

    private void AddItems(JsonElement array, string pointer, ImportFormat format, List<(JsonElement, string, ImportFormat)> found)
    {
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPointer = pointer + "/" + index.ToString(CultureInfo.InvariantCulture);
            index++;
            if (found.Count > ImportLimits.MaxAnnotations)
            {
                found.Add(default); // counted only: the file is refused, so the rest need not be looked at
                continue;
            }

            if (item.ValueKind != JsonValueKind.Object)
            {
                WrongType(itemPointer, "an annotation must be an object", item);
                continue;
            }

            // A Hypothesis row in a W3C list (or the reverse) is read as what it is.
            var itemFormat = format == ImportFormat.WebAnnotation && IsHypothesisAnnotation(item) ? ImportFormat.Hypothesis : format;
            found.Add((item, itemPointer, itemFormat));
        }
    }

    /// <summary>A Hypothesis annotation has a "user" and a "uri" or an array of targets, and no W3C type.</summary>
    private static bool IsHypothesisAnnotation(JsonElement element) =>
        !HasType(element, "Annotation")
        && element.TryGetProperty("user", out _)
        && (element.TryGetProperty("uri", out _) || (element.TryGetProperty("target", out var target) && target.ValueKind == JsonValueKind.Array));

    private static bool HasType(JsonElement element, string type)
    {
        foreach (var name in (ReadOnlySpan<string>)["type", "@type"])
        {
            if (!element.TryGetProperty(name, out var value))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.String && value.ValueEquals(type))
            {
                return true;
            }

            if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.String && v.ValueEquals(type)))
            {
                return true;
            }
        }

        return false;
    }

    private static string DescribeTop(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Describe(root);
        }

        var names = root.EnumerateObject().Select(p => Shorten(p.Name, 40)).Take(8).ToList();
        var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? $" and the type \"{Shorten(t.GetString()!, 60)}\"" : string.Empty;
        return names.Count == 0 ? "an empty object" : $"an object with the fields {string.Join(", ", names.Select(n => $"\"{n}\""))}{type}";
    }
}

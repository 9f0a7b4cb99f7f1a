using System.Globalization;
using System.Net;
using System.Text;
using Marginalia.Diagnostics;

namespace Marginalia.Preview;

/// <summary>
/// The page every HTML request gets while the last build has errors: the diagnostics grouped by file and sorted by
/// line, each with its place, code, message, hint and the lines it names with a caret under the column, so the author
/// sees what to fix where they are looking, rather than pages that no longer match their files.
/// </summary>
/// <remarks>
/// Everything from the input (paths, messages, hints, the file's lines) is shown with hidden characters made visible
/// (<see cref="VisibleText"/>) and then HTML-encoded. The page has no inline style or script: the preview serves it
/// under the site's policy, which allows neither.
/// </remarks>
internal static class ErrorPage
{
    private const char Caret = '^';
    private const string Ellipsis = "…";

    /// <param name="sourceRoot">The folder diagnostics' paths are relative to, for the excerpts; null shows none.</param>
    public static string Render(PreviewBuild build, string version, string? sourceRoot = null)
    {
        ArgumentNullException.ThrowIfNull(build);
        var result = build.Result;
        var files = result.Diagnostics
            .GroupBy(d => d.Location.Path ?? string.Empty, StringComparer.Ordinal)
            .OrderBy(file => file.Any(d => d.IsError) ? 0 : 1) // what fails the build first
            .ThenBy(file => file.Key, StringComparer.Ordinal)
            .ToList();
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>The site did not build · Marginalia preview</title>
            <link rel="stylesheet" href="{ErrorPageStyle.ThemePath}">
            <link rel="stylesheet" href="{ErrorPageStyle.Path}">
            </head>
            <body class="build-report">
            <header><p>Marginalia preview</p></header>
            <main>
            <h1>The site did not build</h1>

            """);
        html.Append("<p class=\"build-summary\"><strong>").Append(Count(result.ErrorCount, "error")).Append("</strong>");
        if (result.WarningCount > 0)
        {
            html.Append(" and ").Append(Count(result.WarningCount, "warning"));
        }

        html.Append(" in ").Append(Count(files.Count, "file"))
            .Append(result.Diagnostics.Count == 1 ? ". Fix it" : ". Fix them").Append(" and save: this page reloads by itself, and takes you back to the page and place you were reading. ")
            .Append("The output folder still holds the last build that succeeded.</p>\n");
        var number = 0;
        foreach (var file in files)
        {
            AppendFile(html, ++number, file.Key, [.. file.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ThenBy(d => d.IsError ? 0 : 1)], sourceRoot);
        }

        html.Append("</main>\n</body>\n</html>\n");
        return LiveReload.Inject(html.ToString(), version, failed: true);
    }

    private static void AppendFile(StringBuilder html, int number, string path, Diagnostic[] diagnostics, string? sourceRoot)
    {
        var errors = diagnostics.Count(d => d.IsError);
        var warnings = diagnostics.Length - errors;
        var counts = string.Join(", ", new[] { errors > 0 ? Count(errors, "error") : null, warnings > 0 ? Count(warnings, "warning") : null }.OfType<string>());
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"build-file\" aria-labelledby=\"file-{number}\">\n<h2 id=\"file-{number}\"><code>")
            .Append(Encode(path.Length == 0 ? "(no file)" : path)).Append("</code> <span class=\"build-file-count\">").Append(counts).Append("</span></h2>\n")
            .Append("<ol class=\"diagnostics\">\n");
        foreach (var diagnostic in diagnostics)
        {
            AppendDiagnostic(html, diagnostic, sourceRoot is null ? null : SourceExcerpt.Read(sourceRoot, diagnostic.Location));
        }

        html.Append("</ol>\n</section>\n");
    }

    private static void AppendDiagnostic(StringBuilder html, Diagnostic diagnostic, SourceExcerpt? excerpt)
    {
        var location = diagnostic.Location;
        var severity = diagnostic.IsError ? "Error" : diagnostic.SeverityName == "warning" ? "Warning" : "Note";
        html.Append(CultureInfo.InvariantCulture, $"<li class=\"diagnostic is-{diagnostic.SeverityName}\">\n<h3><span class=\"diagnostic-severity\">{severity}</span> <code>{Encode(diagnostic.Code.Id)}</code>, line {location.Line}, column {location.Column}</h3>\n")
            .Append("<p class=\"diagnostic-place\">").Append(Encode(location.ToString())).Append("</p>\n")
            .Append("<p class=\"diagnostic-message\">").Append(Encode(diagnostic.Message)).Append("</p>\n");
        if (diagnostic.Hint is { } hint)
        {
            html.Append("<p class=\"diagnostic-hint\"><strong>Hint:</strong> ").Append(Encode(hint)).Append("</p>\n");
        }

        if (excerpt is not null)
        {
            AppendExcerpt(html, excerpt);
        }

        html.Append("</li>\n");
    }

    /// <summary>
    /// The lines in a gutter of numbers, and under the named line a caret. The caret's line repeats the text before
    /// the column, hidden, so the caret lands under the right character whatever the characters' widths (a tab, an
    /// escape, a wide letter); it is aria-hidden, since the heading states the column in words.
    /// </summary>
    private static void AppendExcerpt(StringBuilder html, SourceExcerpt excerpt)
    {
        var lead = excerpt.CutBefore ? Ellipsis : string.Empty;
        html.Append("<pre class=\"excerpt\" tabindex=\"0\"><code>");
        for (var i = 0; i < excerpt.Lines.Count; i++)
        {
            var line = excerpt.Lines[i];
            var at = i == excerpt.At;
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"excerpt-line{(at ? " is-at" : string.Empty)}\"><span class=\"excerpt-number\">{excerpt.FirstNumber + i}</span>")
                .Append(Encode(lead + line)).Append("</span>");
            if (at)
            {
                html.Append("<span class=\"excerpt-caret\" aria-hidden=\"true\"><span class=\"excerpt-number\"></span><span class=\"excerpt-pad\">")
                    .Append(Encode(lead + line[..excerpt.CaretAt])).Append("</span>").Append(Caret).Append("</span>");
            }
        }

        html.Append("</code></pre>\n");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(VisibleText.Escape(text));

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}

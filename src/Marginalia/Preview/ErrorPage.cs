using System.Net;
using System.Text;
using Marginalia.Diagnostics;

namespace Marginalia.Preview;

/// <summary>
/// The page every HTML request gets while the last build has errors: the diagnostics as the console shows them,
/// so the author sees what to fix where they are looking, rather than pages that no longer match their files.
/// </summary>
internal static class ErrorPage
{
    public static string Render(PreviewBuild build, string version)
    {
        ArgumentNullException.ThrowIfNull(build);
        var result = build.Result;
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>The site did not build · Marginalia preview</title>
            </head>
            <body>
            <main>
            <h1>The site did not build</h1>

            """);
        html.Append("<p>").Append(Count(result.ErrorCount, "error"));
        if (result.WarningCount > 0)
        {
            html.Append(", ").Append(Count(result.WarningCount, "warning"));
        }

        html.Append(". Fix them and save: this page reloads by itself. The output folder still holds the last build that succeeded.</p>\n<ol>\n");
        foreach (var diagnostic in result.Diagnostics)
        {
            Append(html, diagnostic);
        }

        html.Append("</ol>\n</main>\n</body>\n</html>\n");
        return LiveReload.Inject(html.ToString(), version);
    }

    private static void Append(StringBuilder html, Diagnostic diagnostic)
    {
        html.Append("<li><p><code>").Append(WebUtility.HtmlEncode(diagnostic.ToString())).Append("</code></p>");
        if (diagnostic.Hint is { } hint)
        {
            html.Append("<p>hint: ").Append(WebUtility.HtmlEncode(hint)).Append("</p>");
        }

        html.Append("</li>\n");
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}

using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Marginalia.Importing;

/// <summary>An imported note's body as Markdown, with the sources it cites.</summary>
internal sealed record ImportedText(string Markdown, IReadOnlyList<(string Title, string Url)> Sources, string? Language);

/// <summary>
/// Turns an annotation's text bodies into the Markdown of a note file: Markdown is kept as written, HTML is sanitised
/// and converted, plain text is escaped. Its sources are its linking bodies, and the links of a closing "Sources" list
/// (which then leaves the body); any other link stays in the text.
/// </summary>
internal static partial class ImportBody
{
    public static ImportedText Compose(ImportedAnnotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        var texts = annotation.Bodies.Where(b => !string.IsNullOrWhiteSpace(b.Value)).ToList();
        var markdown = string.Join("\n\n", texts.Select(ToMarkdown).Where(m => m.Length > 0));
        var sources = annotation.Links.Select(l => (Title: string.IsNullOrWhiteSpace(l.Title) ? l.Url : l.Title.Trim(), l.Url)).ToList();
        var (rest, listed) = SplitSourcesList(markdown);
        sources.AddRange(listed);
        var language = texts.Select(b => b.Language).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
        return new ImportedText(rest, sources.DistinctBy(s => s.Url).ToList(), language);
    }

    private static string ToMarkdown(ImportedBody body)
    {
        var format = body.Format.Split(';')[0].Trim().ToLowerInvariant();
        var text = body.Value.ReplaceLineEndings("\n").Trim();
        return format switch
        {
            "text/markdown" or "text/x-markdown" => text,
            "text/html" or "application/xhtml+xml" => HtmlToMarkdown.Convert(text).Trim(),
            _ => HtmlToMarkdown.Convert(PlainAsHtml(text)).Trim(),
        };
    }

    // Plain text is shown as it is: each blank-line-separated block a paragraph, each line break kept. Going through
    // HTML lets the converter do the escaping, so "*" or "<" in plain text stay characters.
    private static string PlainAsHtml(string text)
    {
        var html = new StringBuilder();
        foreach (var paragraph in BlankLines().Split(text).Where(p => p.Trim().Length > 0))
        {
            html.Append("<p>").Append(string.Join("<br>", paragraph.Trim().Split('\n').Select(WebUtility.HtmlEncode))).Append("</p>");
        }

        return html.ToString();
    }

    /// <summary>A list of links under a "Sources" line at the end of the body, taken out of it; else the body as it was.</summary>
    internal static (string Markdown, List<(string Title, string Url)> Sources) SplitSourcesList(string markdown)
    {
        var lines = markdown.Split('\n');
        for (var heading = lines.Length - 1; heading >= 0; heading--)
        {
            if (!SourcesHeading().IsMatch(lines[heading]))
            {
                continue;
            }

            var found = new List<(string, string)>();
            var rest = lines.Skip(heading + 1).Where(l => l.Trim().Length > 0).ToList();
            foreach (var line in rest)
            {
                var item = SourceItem().Match(line);
                if (!item.Success)
                {
                    return (markdown, []);
                }

                var url = item.Groups["url"].Value.Trim('<', '>');
                var title = item.Groups["title"].Success ? Unescape(item.Groups["title"].Value).Trim() : url;
                found.Add((title.Length > 0 ? title : url, url));
            }

            var body = string.Join('\n', lines.Take(heading)).TrimEnd();
            return found.Count > 0 && body.Trim().Length > 0 ? (body, found) : (markdown, []);
        }

        return (markdown, []);
    }

    private static string Unescape(string markdown) => MarkdownEscape().Replace(markdown, "$1");

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"^\s*(?:\*\*|__)?(?:sources?|references?)(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SourcesHeading();

    [GeneratedRegex(@"^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\[(?<title>(?:\\.|[^\]\\])*)\]\((?<url><?https?://[^\s)>]+>?)\)|(?<url><?https?://[^\s>]+>?))\s*[.;]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SourceItem();

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex MarkdownEscape();
}

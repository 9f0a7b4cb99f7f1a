using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Marginalia.Contributions;

/// <summary>
/// Reports raw HTML in a contributed body once per element, not once per tag: <c>&lt;b&gt;bold&lt;/b&gt;</c> is one
/// error at its opening tag, with the Markdown that writes the same thing. A closing tag that closes nothing is an
/// error of its own. Tags are paired across inline HTML and HTML blocks in reading order, by name.
/// </summary>
internal static partial class RawHtml
{
    // Elements that have no closing tag: each is a whole element by itself.
    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    // Elements that only exist inside another (a list's items, a table's rows): part of that one element's error.
    private static readonly Dictionary<string, string[]> PartOf = new(StringComparer.OrdinalIgnoreCase)
    {
        ["li"] = ["ul", "ol", "menu"],
        ["dt"] = ["dl"],
        ["dd"] = ["dl"],
        ["tr"] = ["table"],
        ["td"] = ["table"],
        ["th"] = ["table"],
        ["thead"] = ["table"],
        ["tbody"] = ["table"],
        ["tfoot"] = ["table"],
        ["caption"] = ["table"],
        ["source"] = ["picture", "video", "audio"],
    };

    /// <summary>One raw HTML element (or stray closing tag) found in a body.</summary>
    /// <param name="Offset">Where its first tag starts in the body.</param>
    public sealed record Element(int Offset, string Shown, string Message, string Hint);

    /// <summary>Every element of raw HTML in the document, in reading order.</summary>
    public static List<Element> Find(MarkdownDocument document, string markdown, bool allowHeadings)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(markdown);
        var found = new List<Element>();
        var open = new List<string>();
        foreach (var node in document.Descendants())
        {
            var (text, start) = node switch
            {
                HtmlInline inline => (inline.Tag ?? string.Empty, inline.Span.Start),
                HtmlBlock block when block.Span.Start >= 0 && block.Span.End < markdown.Length => (markdown.Substring(block.Span.Start, block.Span.Length), block.Span.Start),
                HtmlBlock block => (block.Lines.ToString(), Math.Max(0, block.Span.Start)),
                _ => (null, 0),
            };
            if (text is null)
            {
                continue;
            }

            var tags = Tag().Matches(text);
            if (tags.Count == 0)
            {
                // Markdig saw HTML that is no tag this reads (an unclosed comment, say): still one error, at the node.
                found.Add(new Element(start, Shorten(text), $"raw HTML '{Shorten(text)}' is not allowed in a contribution", Otherwise));
                continue;
            }

            foreach (Match tag in tags)
            {
                if (Describe(tag, open, allowHeadings) is { } element)
                {
                    found.Add(element with { Offset = start + tag.Index });
                }
            }
        }

        return found;
    }

    private const string Otherwise = "remove the tag and write Markdown instead: **bold**, *emphasis*, [text](https://…)";

    private static Element? Describe(Match tag, List<string> open, bool allowHeadings)
    {
        var whole = tag.Value;
        if (tag.Groups["comment"].Success)
        {
            return new Element(0, "<!-- -->", "an HTML comment is not allowed in a contribution: readers would not see it, but it would be published",
                "remove it; a note to reviewers belongs in the pull request's description");
        }

        if (!tag.Groups["name"].Success)
        {
            return new Element(0, Shorten(whole), $"raw HTML '{Shorten(whole)}' is not allowed in a contribution", "remove it");
        }

        var name = tag.Groups["name"].Value.ToLowerInvariant();
        if (tag.Groups["close"].Success)
        {
            var at = open.LastIndexOf(name);
            if (at >= 0)
            {
                open.RemoveRange(at, open.Count - at); // its element was reported at the opening tag; tags left open inside it were too
                return null;
            }

            return new Element(0, $"</{name}>", $"raw HTML closing tag '</{name}>' (with no opening tag) is not allowed in a contribution", $"remove it; {HintFor(name, tag, allowHeadings)}");
        }

        var inside = PartOf.TryGetValue(name, out var parents) && open.Any(o => parents.Contains(o, StringComparer.Ordinal));
        if (!Void.Contains(name) && !whole.EndsWith("/>", StringComparison.Ordinal))
        {
            open.Add(name);
        }

        if (inside)
        {
            return null; // reported with the list or table it is in
        }

        return new Element(0, $"<{name}>", $"raw HTML <{name}> is not allowed in a contribution", HintFor(name, tag, allowHeadings));
    }

    /// <summary>The Markdown that writes what the element was meant to do, or what to do instead where there is none.</summary>
    public static string HintFor(string name, Match tag, bool allowHeadings)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return name switch
        {
            "b" or "strong" => "write **bold** instead",
            "i" or "em" or "cite" or "dfn" or "var" => "write *emphasis* instead",
            "a" => Href().Match(tag.Value) is { Success: true } href
                ? $"write a Markdown link instead: [text]({href.Groups["url"].Value})"
                : "write a Markdown link instead: [text](https://…)",
            "code" or "tt" or "kbd" or "samp" => "write `code` between backticks instead",
            "pre" => "write a code block instead: a line of three backticks (```) before the code and another after it",
            "br" => "for a line break, end the line with a backslash (\\); for a new paragraph, leave a blank line",
            "p" => "leave a blank line between paragraphs instead",
            "ul" or "ol" or "li" => "write a list instead: each item on its own line starting with '- ' (or '1. ')",
            "blockquote" or "q" => name == "q" ? "write the quotation marks themselves: “…”" : "start each quoted line with '> ' instead",
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => allowHeadings
                ? "write the heading in Markdown instead: '## Heading' on its own line"
                : "headings are not allowed in notes and glossary entries; start a new paragraph, with **bold** words if it needs a title",
            "img" or "picture" or "figure" => "show an image in Markdown instead: ![description](media/name.png), with the file in input/media/",
            "hr" => "write '***' on its own line, between blank lines, instead",
            "table" or "thead" or "tbody" or "tr" or "td" or "th" => "write a pipe table instead: | a | b | with a |---|---| line under the header",
            "sup" or "sub" => "superscript and subscript are not available: write the character itself (², ₂, ™) or the words (\"squared\")",
            "span" or "div" or "font" or "center" or "u" or "s" or "strike" or "del" or "ins" or "small" or "big" or "mark" or "abbr" or "section" or "article" or "aside" or "details" or "summary"
                => $"remove the <{name}> tags and keep the text: the site styles contributions itself",
            "script" or "style" or "iframe" or "object" or "embed" or "form" or "input" or "button" or "video" or "audio" or "link" or "meta" or "svg" or "math" or "base"
                => $"remove it: a contribution cannot run scripts, add styles or embed content; link to the page instead: [text](https://…)",
            _ => Otherwise,
        };
    }

    private static string Shorten(string text)
    {
        var line = text.Split('\n')[0].Trim();
        return line.Length <= 40 ? line : line[..39] + "…";
    }

    [GeneratedRegex(@"(?<comment><!--.*?(-->|$))|<(?<close>/)?(?<name>[A-Za-z][A-Za-z0-9-]*)(\s[^>]*)?/?>|<[!?][^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\shref\s*=\s*(""(?<url>[^""]*)""|'(?<url>[^']*)'|(?<url>[^\s>]+))", RegexOptions.IgnoreCase)]
    private static partial Regex Href();
}

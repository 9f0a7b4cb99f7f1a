using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using Marginalia.Content;
using Marginalia.Contributions;

namespace Marginalia.Importing;

/// <summary>
/// Turns an imported annotation's text/html body into Markdown that <see cref="ContributedMarkdown"/> accepts. NuGet
/// offers no converter here, and a body holds few elements, so the sanitised DOM is walked directly. The aim is a
/// round trip: for any body B the renderer accepts, converting its HTML and rendering that gives the same HTML again.
/// <list type="bullet">
/// <item>The HTML is first cleaned by the renderer's own sanitiser: nothing it would drop (script, style, event
/// attributes, javascript: or data: addresses) reaches the walk.</item>
/// <item>Links keep https:, http:, mailto: and xref: addresses; any other link keeps only its text.</item>
/// <item>Images under <c>media/</c> stay images; an http(s) image becomes a link to it (its alt text, or the address,
/// as the link's text), since the renderer shows only local media; any other image leaves its alt text.</item>
/// <item>Headings become a bold paragraph (notes and terms may not have headings) unless headings are allowed.</item>
/// <item>Strikethrough, underline, sub/superscript, marks and unknown elements keep their text; div-like elements
/// are blocks.</item>
/// <item>Elements nested deeper than <see cref="MaxDepth"/> are written as their plain text, so no input can exhaust
/// the stack; lists and quotes nested deeper than <see cref="MaxBlockNesting"/>, and emphasis and links deeper than
/// <see cref="MaxInlineNesting"/>, are flattened into their parent, which keeps the output within the renderer's
/// nesting limits (<see cref="BodyNesting"/>).</item>
/// </list>
/// The result has no trailing newline (and no blank line at either end). Text is escaped wherever Markdig would read
/// syntax; white space inside a line is kept as it is (a browser shows it the same), a run holding a line break becomes
/// one line break (Markdig's soft break). Known gaps in the round trip, none of which a real note has needed: empty
/// emphasis and empty links are dropped (Markdown cannot write them; a link with no text cannot be followed); a link
/// whose text starts or ends with a space inside a table cell loses that space (Markdig trims cells); emphasis is
/// written with '*' or '_' by what it touches, which covers what the tests generate but not every adjacency Markdig's
/// delimiter rules allow.
/// </summary>
internal static class HtmlToMarkdown
{
    /// <summary>Element depth past which an element is written as plain text.</summary>
    public const int MaxDepth = 64;

    /// <summary>Lists and block quotes nested past this many levels join their parent's flow.</summary>
    public const int MaxBlockNesting = 5;

    /// <summary>Emphasis and links nested past this many levels keep only their content.</summary>
    public const int MaxInlineNesting = 4;

    /// <param name="html">The body, untrusted HTML.</param>
    /// <param name="allowHeadings">True for an initiative's body: headings are written as ATX headings at their level.</param>
    public static string Convert(string html, bool allowHeadings = false)
    {
        ArgumentNullException.ThrowIfNull(html);
        var root = HtmlFragment.Parse(ContributedMarkdown.Sanitize(html));
        var blocks = new List<Block>();
        new Walker(allowHeadings).Collect(root, blocks, depth: 0, nesting: 0);
        return Join(blocks, tight: false);
    }

    private enum Kind
    {
        Other,
        DashList,
        StarList,
        DotList,
        ParenList,
    }

    private readonly record struct Block(string Text, Kind Kind);

    private static string Join(List<Block> blocks, bool tight) => string.Join(tight ? "\n" : "\n\n", blocks.Select(b => b.Text));

    private static bool IsBlock(string name) => name is "P" or "DIV" or "UL" or "OL" or "LI" or "BLOCKQUOTE" or "PRE" or "HR" or "TABLE"
        or "H1" or "H2" or "H3" or "H4" or "H5" or "H6" or "SECTION" or "ARTICLE" or "ASIDE" or "HEADER" or "FOOTER" or "MAIN"
        or "NAV" or "FIGURE" or "FIGCAPTION" or "ADDRESS" or "DETAILS" or "SUMMARY" or "DL" or "DT" or "DD" or "CENTER"
        or "CAPTION" or "FIELDSET" or "LEGEND" or "HGROUP";

    private sealed class Walker(bool allowHeadings)
    {
        /// <summary>Appends the blocks of a container's children; inline runs between blocks become paragraphs.</summary>
        public void Collect(IElement container, List<Block> blocks, int depth, int nesting)
        {
            var run = new List<INode>();
            foreach (var child in container.ChildNodes)
            {
                if (child is IElement element && IsBlock(element.NodeName))
                {
                    Paragraph(run, blocks, depth);
                    run.Clear();
                    if (depth >= MaxDepth)
                    {
                        blocks.Add(new Block(Plain([element], singleLine: false), Kind.Other));
                    }
                    else
                    {
                        BlockElement(element, blocks, depth + 1, nesting);
                    }
                }
                else
                {
                    run.Add(child);
                }
            }

            Paragraph(run, blocks, depth);
        }

        private void Paragraph(List<INode> run, List<Block> blocks, int depth)
        {
            var inlines = new MarkdownInlines(startsLine: true, singleLine: false);
            foreach (var node in run)
            {
                Inline(node, inlines, depth, 0);
            }

            if (!inlines.IsEmpty)
            {
                blocks.Add(new Block(inlines.ToString(), Kind.Other));
            }
        }

        private void BlockElement(IElement element, List<Block> blocks, int depth, int nesting)
        {
            switch (element.NodeName)
            {
                case "P":
                    Paragraph([.. element.ChildNodes], blocks, depth);
                    break;
                case "UL" or "OL" when nesting >= MaxBlockNesting:
                    foreach (var item in element.Children)
                    {
                        Collect(item, blocks, depth + 1, nesting);
                    }

                    break;
                case "UL" or "OL":
                    List(element, blocks, depth, nesting + 1);
                    break;
                case "BLOCKQUOTE" when nesting >= MaxBlockNesting:
                    Collect(element, blocks, depth, nesting);
                    break;
                case "BLOCKQUOTE":
                    var quoted = new List<Block>();
                    Collect(element, quoted, depth, nesting + 1);
                    blocks.Add(new Block(Prefix(Join(quoted, tight: false), "> ", "> ", blankEmpty: false), Kind.Other));
                    break;
                case "PRE":
                    blocks.Add(new Block(Fenced(Plain([element], singleLine: false, raw: true)), Kind.Other));
                    break;
                case "HR":
                    // Not "---": under a line of text in a tight list item that would make a heading of it; not "***":
                    // after a '*' list marker the whole line would be one rule.
                    blocks.Add(new Block("___", Kind.Other));
                    break;
                case "TABLE":
                    if (MarkdownTable.Write(element, cell => SingleLine(cell, depth)) is { } table)
                    {
                        blocks.Add(new Block(table, Kind.Other));
                    }

                    break;
                case ['H', >= '1' and <= '6']:
                    Heading(element, blocks, depth);
                    break;
                default:
                    Collect(element, blocks, depth, nesting);
                    break;
            }
        }

        private void Heading(IElement heading, List<Block> blocks, int depth)
        {
            var inlines = new MarkdownInlines(startsLine: false, singleLine: true);
            if (allowHeadings)
            {
                InlineChildren(heading, inlines, depth, 0);
                var marks = new string('#', heading.NodeName[1] - '0');
                blocks.Add(new Block(inlines.IsEmpty ? marks : marks + " " + inlines, Kind.Other));
                return;
            }

            // A note may not hold a heading (MG0621): its text stays, as a bold paragraph.
            Emphasis(heading, "**", inlines, depth, 0, strong: true);
            if (!inlines.IsEmpty)
            {
                blocks.Add(new Block(inlines.ToString(), Kind.Other));
            }
        }

        private void List(IElement list, List<Block> blocks, int depth, int nesting)
        {
            var ordered = list.NodeName == "OL";

            // Two lists in a row are one list in Markdown unless their markers differ.
            var previous = blocks.Count > 0 ? blocks[^1].Kind : Kind.Other;
            var kind = ordered ? (previous == Kind.DotList ? Kind.ParenList : Kind.DotList) : (previous == Kind.DashList ? Kind.StarList : Kind.DashList);
            var number = int.TryParse(list.GetAttribute("start"), NumberStyles.None, CultureInfo.InvariantCulture, out var start) && start <= 999_999_999 ? start : 1;

            // Markdig writes <p> in the items of a loose list only; a tight list has bare text in its items.
            var items = list.Children.Where(c => c.NodeName == "LI").ToList();
            var loose = items.Any(i => i.Children.Any(c => c.NodeName == "P"));
            var written = new List<string>();
            foreach (var item in items)
            {
                var marker = kind switch
                {
                    Kind.DashList => "-",
                    Kind.StarList => "*",
                    Kind.DotList => number.ToString(CultureInfo.InvariantCulture) + ".",
                    _ => number.ToString(CultureInfo.InvariantCulture) + ")",
                };
                number = Math.Min(number + 1, 999_999_999);
                var content = new List<Block>();
                Collect(item, content, depth + 1, nesting);
                var text = Join(content, tight: !loose);
                written.Add(text.Length == 0 ? marker : Prefix(text, marker + " ", new string(' ', marker.Length + 1), blankEmpty: true));
            }

            blocks.Add(new Block(string.Join(loose ? "\n\n" : "\n", written), kind));
        }

        public void Inline(INode node, MarkdownInlines inlines, int depth, int inlineNesting)
        {
            if (node is IText text)
            {
                inlines.Text(text.Data);
                return;
            }

            if (node is not IElement element)
            {
                return; // comments
            }

            if (depth >= MaxDepth)
            {
                inlines.Text(Plain([element], singleLine: true));
                return;
            }

            depth++;
            switch (element.NodeName)
            {
                case "BR":
                    inlines.LineBreak();
                    break;
                case "EM" or "I" when inlineNesting < MaxInlineNesting:
                    Emphasis(element, "*", inlines, depth, inlineNesting + 1, strong: false);
                    break;
                case "STRONG" or "B" when inlineNesting < MaxInlineNesting:
                    Emphasis(element, "**", inlines, depth, inlineNesting + 1, strong: true);
                    break;
                case "A" when inlineNesting < MaxInlineNesting && LinkAddress(element.GetAttribute("href")) is { } href:
                    var label = new MarkdownInlines(startsLine: false, singleLine: false, opener: "[");
                    InlineChildren(element, label, depth, inlineNesting + 1);
                    // A link with no text shows nothing and cannot be followed: dropped. Unlike emphasis, a link's text
                    // may start and end with white space, and Markdig keeps it there.
                    if (label.IsEmpty)
                    {
                        inlines.Text(label.Leading);
                        break;
                    }

                    inlines.Raw("[" + label.Spacing(label.Leading) + label + label.Spacing(label.Trailing) + "](" + Destination(href) + Title(element) + ")");
                    break;
                case "CODE" or "KBD" or "SAMP" or "TT":
                    inlines.Raw(CodeSpan(Plain([element], singleLine: true, raw: true)));
                    break;
                case "IMG":
                    Image(element, inlines);
                    break;
                default:
                    InlineChildren(element, inlines, depth, inlineNesting);
                    break;
            }
        }

        private void InlineChildren(IElement element, MarkdownInlines inlines, int depth, int inlineNesting)
        {
            foreach (var child in element.ChildNodes)
            {
                Inline(child, inlines, depth, inlineNesting);
            }
        }

        // The delimiters go right against the text, so white space at either end moves outside them. '_' replaces
        // '*' where a '*' would touch another (a run like "***" reads differently) or nest in a '*' of its kind,
        // unless it would touch a '_' itself.
        private void Emphasis(IElement element, string stars, MarkdownInlines inlines, int depth, int inlineNesting, bool strong)
        {
            var nested = strong ? _strongStars : _emStars;
            var last = inlines.Last;
            // Right after a '*' opener, "***a***" reads as emphasis around strong, and "***a*b**" as strong around
            // emphasis then more: '*' serves there, '_' only for emphasis that is all of a strong's content.
            var sole = element.NextSibling is null;
            var afterStars = inlines.OpenerHere is "*" or "**" && (!sole || (strong && inlines.OpenerHere == "*"));
            var wantsUnderscore = (last == '*' && !afterStars)
                || nested > 0 || element.FirstChild is IElement { NodeName: "EM" or "I" or "STRONG" or "B" } // leaves '*' to the inner one
                || element.QuerySelector(strong ? "strong,b" : "em,i") is not null;
            var underscore = wantsUnderscore && last != '_' && !char.IsLetterOrDigit(last)
                && !(element.NextSibling is IText { Data: [var next, ..] } && char.IsLetterOrDigit(next)); // '_' cannot touch a word
            var delimiter = underscore ? stars.Replace('*', '_') : stars;
            Count(strong, underscore ? 0 : 1);
            var content = new MarkdownInlines(startsLine: false, singleLine: false, opener: delimiter);
            InlineChildren(element, content, depth, inlineNesting);
            Count(strong, underscore ? 0 : -1);
            inlines.Text(content.Leading);
            if (!content.IsEmpty)
            {
                inlines.Raw(delimiter + content + delimiter);
            }

            inlines.Text(content.Trailing);
        }

        private void Count(bool strong, int change)
        {
            if (strong)
            {
                _strongStars += change;
            }
            else
            {
                _emStars += change;
            }
        }

        private int _emStars; // open emphasis written with '*', by kind
        private int _strongStars;

        private string SingleLine(IElement cell, int depth)
        {
            var inlines = new MarkdownInlines(startsLine: false, singleLine: true);
            InlineChildren(cell, inlines, depth + 1, 0);
            return inlines.ToString();
        }

        private static void Image(IElement image, MarkdownInlines inlines)
        {
            var source = image.GetAttribute("src")?.Trim() ?? string.Empty;
            var alt = new MarkdownInlines(startsLine: false, singleLine: true);
            alt.Text(image.GetAttribute("alt") ?? string.Empty);
            if (MarkdownAddresses.IsMediaPath(source))
            {
                inlines.Raw("![" + alt + "](" + Destination(source) + Title(image) + ")");
            }
            else if (source.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                var text = new MarkdownInlines(startsLine: false, singleLine: true);
                text.Text(alt.IsEmpty ? source : image.GetAttribute("alt")!);
                inlines.Raw("[" + text + "](" + Destination(source) + ")");
            }
            else
            {
                inlines.Raw(alt.ToString());
            }
        }
    }

    /// <summary>The address if a body's link may carry it (the renderer's rule), else null: the text stays, unlinked.</summary>
    private static string? LinkAddress(string? href)
    {
        href = href?.Trim();
        return href is not null && (href.StartsWith(ContributedMarkdown.XrefScheme, StringComparison.Ordinal) || MarkdownAddresses.IsAllowedAddress(href)) ? href : null;
    }

    private static string Destination(string url)
    {
        var builder = new StringBuilder(url.Length);
        foreach (var c in url)
        {
            if (c is '\\' or '(' or ')' or '<' or '>' or '&' or '*' or '_' or '`')
            {
                builder.Append('\\').Append(c);
            }
            else if (c <= ' ')
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string Title(IElement element) => element.GetAttribute("title") is { Length: > 0 } title
        ? " \"" + title.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("&", "\\&", StringComparison.Ordinal) + "\""
        : string.Empty;

    private static string CodeSpan(string code)
    {
        if (code.Length == 0)
        {
            return string.Empty; // Markdown has no empty code span
        }

        var ticks = new string('`', LongestRun(code, '`') + 1);
        var pad = code[0] == '`' || code[^1] == '`' || (code[0] == ' ' && code[^1] == ' ' && code.Trim(' ').Length > 0) ? " " : string.Empty;
        return ticks + pad + code + pad + ticks;
    }

    private static string Fenced(string code)
    {
        var fence = new string('`', Math.Max(3, LongestRun(code, '`') + 1));
        return fence + "\n" + code + (code.Length == 0 || code.EndsWith('\n') ? string.Empty : "\n") + fence;
    }

    private static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var x in text)
        {
            run = x == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    /// <summary>Puts <paramref name="first"/> before the first line and <paramref name="rest"/> before the others.</summary>
    /// <param name="blankEmpty">Whether blank lines stay empty (a list item's) or get the prefix without its space (a quote's "&gt;").</param>
    private static string Prefix(string text, string first, string rest, bool blankEmpty)
    {
        var lines = text.Split('\n');
        var builder = new StringBuilder(text.Length + lines.Length * rest.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('\n');
            }

            if (lines[i].Length == 0)
            {
                builder.Append(blankEmpty ? string.Empty : (i == 0 ? first : rest).TrimEnd());
                continue;
            }

            builder.Append(i == 0 ? first : rest).Append(lines[i]);
        }

        return builder.ToString();
    }

    /// <summary>
    /// The text of nodes without recursion (a stack), for code and for elements past <see cref="MaxDepth"/>.
    /// </summary>
    /// <param name="raw">Code: every character as it is. Otherwise breaks and blocks become line breaks and the
    /// text is escaped.</param>
    private static string Plain(IEnumerable<INode> nodes, bool singleLine, bool raw = false)
    {
        var text = new StringBuilder();
        var stack = new Stack<INode>(nodes.Reverse());
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText t)
            {
                text.Append(t.Data);
            }
            else if (node is IElement e)
            {
                if (!raw && (e.NodeName == "BR" || IsBlock(e.NodeName)))
                {
                    text.Append(singleLine ? " " : "\n");
                }

                for (var child = e.LastChild; child is not null; child = child.PreviousSibling)
                {
                    stack.Push(child);
                }
            }
        }

        if (raw)
        {
            return singleLine ? text.ToString().Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ') : text.ToString();
        }

        var inlines = new MarkdownInlines(startsLine: !singleLine, singleLine);
        inlines.Text(text.ToString());
        return inlines.ToString();
    }
}

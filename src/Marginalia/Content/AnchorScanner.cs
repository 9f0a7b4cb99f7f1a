using System.Net;
using System.Text;

namespace Marginalia.Content;

/// <summary>
/// Reads the anchors (<see cref="HtmlAnchors"/>) of markup a layout writes as it writes it, and puts in the pieces the
/// code made from a model. A layout's own markup is small, trusted and regular (the theme's tags around values the
/// renderer escaped); the pieces it places raw (the woven essay, the bodies) are most of a page, and arrive as
/// slots (<see cref="Slot"/>) whose anchors are already known, so they are never read again. This is no HTML parser:
/// it finds start tags and their attributes, steps over comments, declarations, end tags and the text of raw-text
/// elements (script, style, title, textarea), and decodes character references in the values it keeps. A test parses
/// every page of a full build with AngleSharp and compares.
/// </summary>
internal static class AnchorScanner
{
    // A slot is "<", this mark, the piece's number, the mark, ">". The mark is a control character: a value the renderer
    // escapes cannot make the "<" before it, and the theme's own text has none.
    private const char Mark = '\u0001';

    private static readonly string[] RawTextElements = ["script", "style", "title", "textarea"];

    /// <summary>The slot standing for piece number <paramref name="index"/> in a layout's output.</summary>
    public static string Slot(int index) => $"<{Mark}{index}{Mark}>";

    /// <summary>
    /// The page with every slot replaced by its piece, and its anchors: those of the markup around the slots, read
    /// here, with each piece's own in its place.
    /// </summary>
    public static (string Html, HtmlAnchors Anchors) Complete(string rendered, IReadOnlyList<AnchoredHtml> pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        using var html = new StringWriter(new StringBuilder(Length(rendered, pieces)), System.Globalization.CultureInfo.InvariantCulture);
        var anchors = Complete(rendered, pieces, html);
        return (html.ToString(), anchors);
    }

    /// <summary>The characters of the completed page: the rendered markup's and the pieces', less the slots'.</summary>
    public static int Length(string rendered, IReadOnlyList<AnchoredHtml> pieces)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        ArgumentNullException.ThrowIfNull(pieces);
        return rendered.Length + pieces.Sum(p => p.Html.Length);
    }

    /// <summary>
    /// <see cref="Complete(string, IReadOnlyList{AnchoredHtml})"/> written to <paramref name="html"/> as it is made:
    /// a large essay's reader page is tens of megabytes, and a builder for it, then its string, two copies of it.
    /// </summary>
    public static HtmlAnchors Complete(string rendered, IReadOnlyList<AnchoredHtml> pieces, TextWriter html)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        ArgumentNullException.ThrowIfNull(pieces);
        ArgumentNullException.ThrowIfNull(html);
        var ids = new List<string>();
        var links = new List<string>();
        var at = 0;
        while (at < rendered.Length)
        {
            var open = rendered.IndexOf('<', at);
            if (open < 0 || open + 1 >= rendered.Length)
            {
                html.Write(rendered.AsSpan(at, rendered.Length - at));
                break;
            }

            html.Write(rendered.AsSpan(at, open - at));
            var next = rendered[open + 1];
            if (next == Mark && SlotAt(rendered, open) is var (index, end))
            {
                var piece = pieces[index];
                html.Write(piece.Html);
                ids.AddRange(piece.Anchors.Ids);
                links.AddRange(piece.Anchors.Links);
                at = end;
                continue;
            }

            int stop;
            if (string.CompareOrdinal(rendered, open, "<!--", 0, 4) == 0)
            {
                stop = After(rendered, "-->", open + 4);
            }
            else if (next is '!' or '?' or '/')
            {
                stop = After(rendered, ">", open + 2);
            }
            else if (char.IsAsciiLetter(next))
            {
                stop = StartTag(rendered, open, ids, links, out var rawText);
                if (rawText is not null)
                {
                    // Its text is no markup: copied with any slot in it filled, but not read for anchors.
                    var close = rendered.IndexOf("</" + rawText, stop, StringComparison.OrdinalIgnoreCase);
                    close = close < 0 ? rendered.Length : close;
                    html.Write(rendered.AsSpan(open, stop - open));
                    Fill(rendered, stop, close, pieces, html);
                    at = close;
                    continue;
                }
            }
            else
            {
                stop = open + 1; // a lone "<" in text
            }

            html.Write(rendered.AsSpan(open, stop - open));
            at = stop;
        }

        return new HtmlAnchors(ids, links);
    }

    private static (int Index, int End)? SlotAt(string text, int open)
    {
        var close = text.IndexOf(Mark, open + 2);
        return close > open + 2 && close + 1 < text.Length && text[close + 1] == '>'
            && int.TryParse(text.AsSpan(open + 2, close - open - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            ? (index, close + 2)
            : null;
    }

    /// <summary>Copies text[from..to) with its slots filled and their anchors not taken (the text of a script is no markup).</summary>
    private static void Fill(string text, int from, int to, IReadOnlyList<AnchoredHtml> pieces, TextWriter html)
    {
        var at = from;
        while (at < to)
        {
            var open = text.IndexOf("<" + Mark, at, to - at, StringComparison.Ordinal);
            if (open < 0 || SlotAt(text, open) is not var (index, end))
            {
                html.Write(text.AsSpan(at, to - at));
                return;
            }

            html.Write(text.AsSpan(at, open - at));
            html.Write(pieces[index].Html);
            at = end;
        }
    }

    private static int After(string text, string what, int from)
    {
        var found = text.IndexOf(what, from, StringComparison.Ordinal);
        return found < 0 ? text.Length : found + what.Length;
    }

    /// <summary>
    /// Reads the start tag at <paramref name="open"/>: its id and link if it has them, and the name of the raw-text
    /// element it opens, if it opens one (null otherwise). Returns where it ends. Names are compared as HTML compares
    /// them, ASCII letters without case, and read in place: only an id or a link becomes a string, since a page has
    /// tens of thousands of tags (a string for every name and attribute was 11 MB of a 1× build).
    /// </summary>
    private static int StartTag(string text, int open, List<string> ids, List<string> links, out string? rawText)
    {
        var at = open + 1;
        while (at < text.Length && !IsSpace(text[at]) && text[at] is not ('/' or '>'))
        {
            at++;
        }

        var name = text.AsSpan(open + 1, at - open - 1);
        rawText = null;
        foreach (var element in RawTextElements)
        {
            if (Ascii.EqualsIgnoreCase(name, element))
            {
                rawText = element;
                break;
            }
        }

        var linkAttribute = HtmlAnchors.LinkAttribute(name);
        string? id = null;
        string? link = null;
        while (at < text.Length)
        {
            while (at < text.Length && (IsSpace(text[at]) || text[at] == '/'))
            {
                at++;
            }

            if (at >= text.Length || text[at] == '>')
            {
                at++;
                break;
            }

            var start = at;
            while (at < text.Length && !IsSpace(text[at]) && text[at] is not ('/' or '>' or '='))
            {
                at++;
            }

            var attribute = text.AsSpan(start, at - start);
            while (at < text.Length && IsSpace(text[at]))
            {
                at++;
            }

            var (valueStart, valueEnd) = (at, at);
            if (at < text.Length && text[at] == '=')
            {
                at++;
                while (at < text.Length && IsSpace(text[at]))
                {
                    at++;
                }

                if (at < text.Length && text[at] is '"' or '\'')
                {
                    var quote = text[at];
                    var close = text.IndexOf(quote, at + 1);
                    close = close < 0 ? text.Length : close;
                    (valueStart, valueEnd) = (at + 1, close);
                    at = Math.Min(close + 1, text.Length);
                }
                else
                {
                    start = at;
                    while (at < text.Length && !IsSpace(text[at]) && text[at] != '>')
                    {
                        at++;
                    }

                    (valueStart, valueEnd) = (start, at);
                }
            }

            // As HTML does: the first of an attribute given twice counts.
            if (id is null && Ascii.EqualsIgnoreCase(attribute, "id"))
            {
                id = Decode(text[valueStart..valueEnd]);
            }
            else if (link is null && linkAttribute is not null && Ascii.EqualsIgnoreCase(attribute, linkAttribute))
            {
                link = Decode(text[valueStart..valueEnd]);
            }
        }

        if (id is not null)
        {
            ids.Add(id);
        }

        if (link is not null && !HtmlAnchors.IsExternal(link))
        {
            links.Add(link);
        }

        return at;
    }

    private static string Decode(string value) => value.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(value) : value;

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}

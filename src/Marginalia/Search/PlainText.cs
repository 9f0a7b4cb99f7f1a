using Marginalia.Content;

namespace Marginalia.Search;

/// <summary>A rendered body's words as a reader sees them: the text of its HTML, blocks kept apart by a space.</summary>
internal static class PlainText
{
    public static string Of(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (html.IndexOf('<', StringComparison.Ordinal) < 0 && html.IndexOf('&', StringComparison.Ordinal) < 0)
        {
            return html;
        }

        var root = HtmlFragment.Parse(html);
        var text = new System.Text.StringBuilder(html.Length);
        Append(root, text);
        return Collapse(text.ToString());
    }

    // Block elements end a word: "<li>one</li><li>two</li>" is "one two", not "onetwo".
    private static void Append(AngleSharp.Dom.INode node, System.Text.StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is AngleSharp.Dom.IText t)
            {
                text.Append(t.Data);
            }
            else if (child is AngleSharp.Dom.IElement e)
            {
                Append(e, text);
                if (e.LocalName is "p" or "li" or "br" or "div" or "blockquote" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "dt" or "dd" or "tr" or "td" or "th" or "pre" or "figcaption")
                {
                    text.Append(' ');
                }
            }
        }
    }

    /// <summary>Runs of white space as one space, none at either end.</summary>
    public static string Collapse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new System.Text.StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = result.Length > 0;
                continue;
            }

            if (space)
            {
                result.Append(' ');
                space = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }
}

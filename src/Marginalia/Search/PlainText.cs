using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using Marginalia.Markup;

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

        // Tokens, not a DOM: the index reads every body, and a tree built for each was most of its time. A sanitised
        // body is a serialised DOM, so its tags nest and close as the tree does, and its text comes in the same order.
        var text = new System.Text.StringBuilder(html.Length);
        foreach (var span in HtmlTokens.Of(html))
        {
            var token = span.Token;
            if (token.Type == HtmlTokenType.Character)
            {
                text.Append(token.Data);
            }
            else if ((token.Type == HtmlTokenType.EndTag || (token.Type == HtmlTokenType.StartTag && HtmlTokens.Void.Contains(token.Name)))
                && EndsWord(token.Name))
            {
                text.Append(' ');
            }
        }

        return Collapse(text.ToString());
    }

    // Block elements end a word: "<li>one</li><li>two</li>" is "one two", not "onetwo".
    private static bool EndsWord(string element) => element is "p" or "li" or "br" or "div" or "blockquote" or "h1" or "h2" or "h3"
        or "h4" or "h5" or "h6" or "dt" or "dd" or "tr" or "td" or "th" or "pre" or "figcaption";

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

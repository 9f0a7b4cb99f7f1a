using System.Text;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using Marginalia.Markup;

namespace Marginalia.Discovery;

/// <summary>Makes every link and image in an HTML fragment absolute: a feed reader shows it far from the site.</summary>
/// <remarks>
/// The fragment is read as tokens and copied as it is, but for the start tags whose link changes, which are written
/// anew: the feed holds every note, and a DOM parsed and serialised for each one was most of the feed's time.
/// </remarks>
internal static class AbsoluteLinks
{
    public static string Rewrite(string html, Uri page)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(page);
        if (!html.Contains("href", StringComparison.OrdinalIgnoreCase) && !html.Contains("src", StringComparison.OrdinalIgnoreCase))
        {
            return html;
        }

        var rewritten = new StringWriter(new StringBuilder(html.Length + 256));
        var copied = 0;
        foreach (var span in HtmlTokens.Of(html, withText: false))
        {
            if (span.Tag is not { Type: HtmlTokenType.StartTag } tag || Absolute(tag, page) is not { } attributes)
            {
                continue;
            }

            rewritten.Write(html.AsSpan(copied, span.Start - copied));
            HtmlTags.WriteStartTag(rewritten, tag, attributes, Theme.HtmlTextEncoder.Instance);
            copied = span.End;
        }

        if (copied == 0)
        {
            return html;
        }

        rewritten.Write(html.AsSpan(copied));
        return rewritten.ToString();
    }

    /// <summary>The tag's attributes with its link made absolute; null when it has no link to change.</summary>
    private static List<(string Name, string Value)>? Absolute(HtmlTagToken tag, Uri page)
    {
        var link = tag.Name switch
        {
            "a" => "href",
            "img" => "src",
            _ => null,
        };
        if (link is null)
        {
            return null;
        }

        var attributes = HtmlTags.Attributes(tag);
        var index = attributes.FindIndex(a => a.Name == link);
        if (index < 0 || !Uri.TryCreate(page, attributes[index].Value, out var absolute) || absolute.AbsoluteUri == attributes[index].Value)
        {
            return null;
        }

        attributes[index] = (link, absolute.AbsoluteUri);
        return attributes;
    }
}

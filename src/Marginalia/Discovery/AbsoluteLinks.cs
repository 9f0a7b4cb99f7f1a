using Marginalia.Content;

namespace Marginalia.Discovery;

/// <summary>Makes every link and image in an HTML fragment absolute: a feed reader shows it far from the site.</summary>
internal static class AbsoluteLinks
{
    public static string Rewrite(string html, Uri page)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(page);
        var root = HtmlFragment.Parse(html, ParsedHtml.Fragment);
        foreach (var (selector, attribute) in new[] { ("a[href]", "href"), ("img[src]", "src") })
        {
            foreach (var element in root.QuerySelectorAll(selector))
            {
                if (Uri.TryCreate(page, element.GetAttribute(attribute), out var absolute))
                {
                    element.SetAttribute(attribute, absolute.AbsoluteUri);
                }
            }
        }

        return HtmlFragment.SerializeChildren(root);
    }
}

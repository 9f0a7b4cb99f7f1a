using Marginalia.Content;

namespace Marginalia.Theme;

/// <summary>The page being rendered, as layouts see it (<c>page.title</c>, <c>page.kind</c> is its layout's name, ...).</summary>
internal sealed record PageView(string Title, string Description, string Path, string Url, string Kind, string Root)
{
    public static PageView Of(PageSpec page, SiteSettings site) =>
        new(page.Title, page.Description, page.Destination, new Uri(site.BaseUrl, page.CanonicalPath).AbsoluteUri, page.Layout, page.Root);
}

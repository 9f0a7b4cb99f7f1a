using Marginalia.Content;

namespace Marginalia.Theme;

/// <summary>The site as layouts see it (<c>site.title</c>, <c>site.theme_color</c>, ...).</summary>
internal sealed record SiteView(string Title, string Description, string BaseUrl, string Repository, string Branch, string Language, string ThemeColor, string ThemeColorDark)
{
    public static SiteView Of(SiteSettings site, EssayInfo essay) => new(
        site.Title, site.Description, site.BaseUrl.AbsoluteUri, site.Repository?.AbsoluteUri ?? string.Empty, site.Branch, essay.Language,
        WebAppColors.Light, WebAppColors.Dark);
}

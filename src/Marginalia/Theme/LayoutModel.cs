using System.Globalization;
using Marginalia.Annotations;
using Marginalia.Content;
using Marginalia.Reader;

namespace Marginalia.Theme;

/// <summary>
/// Builds the values layouts see, as plain dictionaries and lists: Fluid reads those without reflection, which keeps
/// the command ready for Native AOT. Names are snake_case, as Liquid users expect.
/// </summary>
public static class LayoutModel
{
    public static Dictionary<string, object> Site(SiteSettings site, EssayInfo essay) => new()
    {
        ["title"] = site.Title,
        ["description"] = site.Description,
        ["base_url"] = site.BaseUrl.AbsoluteUri,
        ["repository"] = site.Repository?.AbsoluteUri ?? string.Empty,
        ["branch"] = site.Branch,
        ["language"] = essay.Language,
        ["theme_color"] = Offline.WebAppColors.Light,
        ["theme_color_dark"] = Offline.WebAppColors.Dark,
    };

    public static Dictionary<string, object> Essay(ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var essay = reader.Essay;
        var info = essay.Info;
        var number = 0;
        return new()
        {
            ["title"] = info.Title,
            ["title_is_editorial"] = info.TitleIsEditorial,
            ["author"] = info.Author,
            ["publisher"] = info.Publisher ?? string.Empty,
            ["republished_by"] = info.RepublishedBy ?? string.Empty,
            ["language"] = info.Language,
            ["published"] = info.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            ["paragraph_count"] = essay.Paragraphs.Count(),
            ["corrections"] = info.Corrections.Select(c => (object)new Dictionary<string, object>
            {
                ["date"] = c.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["date_label"] = c.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
                ["change"] = c.Change,
            }).ToList(),
            ["sections"] = essay.Sections.Select(s => (object)new Dictionary<string, object>
            {
                ["id"] = s.Id,
                ["title"] = s.Title ?? string.Empty,
                ["untitled"] = s.Title is null,
                ["number"] = ++number,
                ["paragraph_count"] = s.Paragraphs.Length,
            }).ToList(),
            ["html"] = reader.Html,
            ["version"] = reader.Version,
            ["note_count"] = reader.Notes.Length,
            ["single_file_path"] = Editions.EditionPaths.SingleFile(info),
            ["epub_path"] = Editions.EditionPaths.Epub(info),
        };
    }

    public static Dictionary<string, object> Page(PageSpec page, SiteSettings site) => new()
    {
        ["title"] = page.Title,
        ["description"] = page.Description,
        ["path"] = page.Destination,
        ["url"] = new Uri(site.BaseUrl, page.CanonicalPath).AbsoluteUri,
        ["kind"] = page.Layout,
        ["root"] = page.Root,
    };
}

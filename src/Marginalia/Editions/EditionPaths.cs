using Marginalia.Content;
using Marginalia.Text;

namespace Marginalia.Editions;

/// <summary>
/// Where the downloadable editions of the essay are written: <c>downloads/&lt;slug&gt;.epub</c> and
/// <c>downloads/&lt;slug&gt;.html</c>, the slug from the essay's title, so a saved file is named for what it holds.
/// </summary>
internal static class EditionPaths
{
    public const string Folder = "downloads";

    public static string Slug(EssayInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var slug = Text.Slug.FromWords(info.Title);
        return slug.Length == 0 ? "essay" : slug;
    }

    public static string Epub(EssayInfo info) => $"{Folder}/{Slug(info)}.epub";

    public static string SingleFile(EssayInfo info) => $"{Folder}/{Slug(info)}.html";
}

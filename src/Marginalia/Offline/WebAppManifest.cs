using System.Text.Encodings.Web;
using System.Text.Json;
using Marginalia.Content;
using Marginalia.Theme;

namespace Marginalia.Offline;

/// <summary>
/// Writes <c>manifest.webmanifest</c>, what a browser needs to offer the site as an app: its name, icons, colours
/// and the page it opens on. URLs in it are relative to the manifest, which sits at the site's root.
/// </summary>
internal static class WebAppManifest
{
    public const string FileName = "manifest.webmanifest";

    /// <summary>The icons the theme provides, by their name under theme/assets and their side in pixels.</summary>
    public static readonly IReadOnlyList<(string Asset, int Size)> Icons = [("icon-192.png", 192), ("icon-512.png", 512)];

    /// <summary>Longest short name launchers show whole (Chrome's guidance is 12 characters).</summary>
    private const int ShortNameLength = 12;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n", // the same bytes whichever system builds the site

        // Not embedded in HTML or script: typographic quotes in the description may stay as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="site">The site's settings: name and description.</param>
    /// <param name="language">The essay's language, the manifest's <c>lang</c>.</param>
    /// <param name="assets">Asset names mapped to their fingerprinted output paths; icons the theme lacks are left out.</param>
    public static string Write(SiteSettings site, string language, IReadOnlyDictionary<string, string> assets)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(assets);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("id", "./");
            json.WriteString("name", site.Title);
            json.WriteString("short_name", ShortName(site.Title));
            json.WriteString("description", site.Description);
            json.WriteString("lang", language);
            json.WriteString("start_url", "./");
            json.WriteString("scope", "./");
            json.WriteString("display", "standalone");
            json.WriteString("theme_color", WebAppColors.Light);
            json.WriteString("background_color", WebAppColors.Light);
            json.WriteStartArray("icons");
            foreach (var (asset, size) in Icons)
            {
                if (assets.TryGetValue(asset, out var path))
                {
                    json.WriteStartObject();
                    json.WriteString("src", Precache.UrlOf(path));
                    json.WriteString("sizes", $"{size}x{size}");
                    json.WriteString("type", "image/png");
                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>The title if a launcher can show it whole, else its first word, cut to fit.</summary>
    public static string ShortName(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var trimmed = title.Trim();
        if (trimmed.Length <= ShortNameLength)
        {
            return trimmed;
        }

        var word = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return word.Length <= ShortNameLength ? word : word[..ShortNameLength];
    }
}

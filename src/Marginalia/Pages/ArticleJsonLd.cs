using System.Globalization;
using System.Text;
using System.Text.Json;
using Marginalia.Content;

namespace Marginalia.Pages;

/// <summary>
/// The reader's schema.org <c>Article</c> in JSON-LD: the essay, its author, this edition as publisher and the
/// original publication as <c>isBasedOn</c>. Written with Utf8JsonWriter's default encoder, which escapes
/// <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c>, so nothing in a title can close the script element it sits in.
/// </summary>
internal static class ArticleJsonLd
{
    public static string Write(EssayInfo info, SiteSettings site)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(site);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "Article");
            json.WriteString("headline", info.Title);
            json.WriteString("description", site.Description);
            json.WriteString("inLanguage", info.Language);
            json.WriteString("url", site.BaseUrl.AbsoluteUri);
            Named(json, "author", "Person", info.Author);
            Named(json, "publisher", "Organization", site.Title);
            json.WriteStartObject("isBasedOn");
            json.WriteString("@type", "Article");
            json.WriteString("headline", info.Title);
            Named(json, "author", "Person", info.Author);
            if (info.Publisher is { } publisher)
            {
                Named(json, "publisher", "Organization", publisher);
            }

            if (info.Published is { } published)
            {
                json.WriteString("datePublished", published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Named(Utf8JsonWriter json, string property, string type, string name)
    {
        json.WriteStartObject(property);
        json.WriteString("@type", type);
        json.WriteString("name", name);
        json.WriteEndObject();
    }
}

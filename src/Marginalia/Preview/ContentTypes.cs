using Microsoft.AspNetCore.StaticFiles;

namespace Marginalia.Preview;

/// <summary>The content type of an output file, by its extension, as a static host would send it.</summary>
internal static class ContentTypes
{
    public const string Html = "text/html; charset=utf-8";
    public const string JavaScript = "text/javascript; charset=utf-8";
    public const string EventStream = "text/event-stream";
    public const string PlainText = "text/plain; charset=utf-8";
    public const string Css = "text/css; charset=utf-8";

    private const string Unknown = "application/octet-stream";

    private static readonly FileExtensionContentTypeProvider Provider = CreateProvider();

    public static string For(string path)
    {
        if (!Provider.TryGetContentType(path, out var type))
        {
            return Unknown;
        }

        // Everything the build writes as text is UTF-8; saying so keeps a browser from guessing another encoding.
        return IsText(type) ? type + "; charset=utf-8" : type;
    }

    public static bool IsHtml(string path) =>
        path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);

    private static bool IsText(string type) =>
        type.StartsWith("text/", StringComparison.Ordinal)
        || type is "application/javascript" or "application/json" or "application/xml" or "image/svg+xml"
        || type.EndsWith("+json", StringComparison.Ordinal) || type.EndsWith("+xml", StringComparison.Ordinal);

    private static FileExtensionContentTypeProvider CreateProvider()
    {
        var provider = new FileExtensionContentTypeProvider();
        // The publishing stage writes these; the provider's table predates some of them or maps them differently.
        provider.Mappings[".webmanifest"] = "application/manifest+json";
        provider.Mappings[".js"] = "text/javascript";
        provider.Mappings[".mjs"] = "text/javascript";
        provider.Mappings[".atom"] = "application/atom+xml";
        provider.Mappings[".epub"] = "application/epub+zip";
        provider.Mappings[".jsonld"] = "application/ld+json";
        return provider;
    }
}

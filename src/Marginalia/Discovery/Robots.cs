namespace Marginalia.Discovery;

/// <summary><c>robots.txt</c>: everything may be crawled, and where the sitemap is.</summary>
internal static class Robots
{
    public const string Path = "robots.txt";

    public static string Write(Uri sitemap)
    {
        ArgumentNullException.ThrowIfNull(sitemap);
        return $"User-agent: *\nAllow: /\n\nSitemap: {sitemap.AbsoluteUri}\n";
    }
}

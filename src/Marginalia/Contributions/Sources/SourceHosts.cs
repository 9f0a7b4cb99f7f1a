namespace Marginalia.Contributions.Sources;

/// <summary>
/// Hosts a source should not cite, because what they serve is a copy of a page (feeds, lite mirrors) or nothing at all
/// (hosts that closed). Kept short and specific: a pattern broad enough to catch every mirror would also catch real sites.
/// </summary>
internal static class SourceHosts
{
    private const string OxfordMoved = "Oxford's dictionaries moved to Lexico in 2019, which closed in 2022";

    /// <summary>Hosts that no longer serve the pages once cited there, with where those pages went.</summary>
    public static readonly IReadOnlyDictionary<string, string> Closed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["en.oxforddictionaries.com"] = OxfordMoved,
        ["www.oxforddictionaries.com"] = OxfordMoved,
        ["oxforddictionaries.com"] = OxfordMoved,
        ["www.lexico.com"] = "Lexico closed in 2022",
        ["lexico.com"] = "Lexico closed in 2022",
        ["plus.google.com"] = "Google+ closed in 2019",
        ["feedproxy.google.com"] = "Google's FeedBurner proxy no longer serves pages",
    };

    /// <summary>Hosts that serve a feed reader's copy of an article rather than the article's page.</summary>
    public static bool IsFeed(string host) =>
        Prefixed(host, "feeds.")
        || Prefixed(host, "rss.")
        || host.Equals("feeds.feedburner.com", StringComparison.OrdinalIgnoreCase);

    /// <summary>Text-only copies of news sites, made for slow connections.</summary>
    public static bool IsLite(string host) =>
        Prefixed(host, "lite.")
        || host.Equals("text.npr.org", StringComparison.OrdinalIgnoreCase);

    /// <summary>Google's AMP cache and publishers' own AMP hosts (amp.example.com).</summary>
    public static bool IsAmp(string host) =>
        Prefixed(host, "amp.")
        || host.Equals("cdn.ampproject.org", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".cdn.ampproject.org", StringComparison.OrdinalIgnoreCase);

    // A prefix names a mirror only on a site's own subdomain (amp.theguardian.com); amp.dev or rss.com is a site itself.
    private static bool Prefixed(string host, string prefix) =>
        host.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && host.Count(c => c == '.') >= 2;
}

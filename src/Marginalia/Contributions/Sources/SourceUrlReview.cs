namespace Marginalia.Contributions.Sources;

/// <summary>
/// Reviews a source's address as its author wrote it: tracking parameters and a spelled-out default port (which
/// <see cref="Clean"/> removes, since the page is the same without them), and AMP copies, text-only mirrors, feed
/// hosts and closed hosts (which need a person to find the real page).
/// </summary>
/// <remarks>
/// Works on the text, not on <see cref="Uri"/>: a parsed address has already dropped its default port and
/// re-escaped its query, so it can no longer say what the file holds or be written back unchanged elsewhere.
/// </remarks>
internal static class SourceUrlReview
{
    /// <summary>Everything wrong with <paramref name="url"/> (an absolute http(s) address); empty when nothing is.</summary>
    public static IReadOnlyList<SourceUrlProblem> Review(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (UrlParts.Split(url) is not { } parts || !Uri.TryCreate(url, UriKind.Absolute, out var parsed))
        {
            return [];
        }

        var problems = new List<SourceUrlProblem>();
        if (parts.DefaultPort() is { } port)
        {
            problems.Add(new($"the source's address spells out its scheme's default port (:{port})", $"'check --fix-sources' removes it: {Clean(url)}"));
        }

        var tracking = parts.QueryNames().Where(TrackingParameters.IsTracking).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (tracking.Count > 0)
        {
            problems.Add(new(
                $"the source's address carries tracking parameters ({string.Join(", ", tracking)})",
                $"'check --fix-sources' removes them: {Clean(url)}"));
        }

        var host = parsed.IdnHost;
        var segments = parts.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (SourceHosts.Closed.TryGetValue(host, out var closed))
        {
            problems.Add(new($"the source's host {host} no longer exists ({closed})",
                "cite the page's current address, or an archived copy (web.archive.org) if it has none"));
        }
        else if (SourceHosts.IsFeed(host))
        {
            problems.Add(new($"the source's address is on a feed host ({host}), which serves a feed reader's copy of the page",
                "cite the article's own page on the publisher's site"));
        }

        if (SourceHosts.IsAmp(host) || IsAmpPath(segments) || parts.HasParameter("amp")
            || parts.QueryPairs().Any(p => p.Name.Equals("outputType", StringComparison.OrdinalIgnoreCase) && p.Value.Equals("amp", StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add(new("the source's address is an AMP copy of a page",
                "cite the publisher's own page (the AMP page names it in its <link rel=\"canonical\">)"));
        }
        else if (SourceHosts.IsLite(host) || segments.Length > 1 && segments[^1].Equals("lite", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new("the source's address is a text-only ('lite') copy of a page", "cite the publisher's own page"));
        }

        return problems;
    }

    /// <summary>
    /// <paramref name="url"/> without its tracking parameters and default port, and otherwise exactly as written
    /// (the other parameters in their order, the fragment kept); the same text when there is nothing to remove.
    /// </summary>
    public static string Clean(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (UrlParts.Split(url) is not { } parts)
        {
            return url;
        }

        var port = parts.DefaultPort() is not null;
        var pairs = parts.Query is null ? [] : parts.Query.Split('&');
        var kept = pairs.Where(pair => !TrackingParameters.IsTracking(UrlParts.NameOf(pair))).ToList();
        if (!port && kept.Count == pairs.Length)
        {
            return url;
        }

        var authority = port ? parts.Authority[..parts.Authority.LastIndexOf(':')] : parts.Authority;
        var query = kept.Count == pairs.Length ? parts.Query : kept.Count == 0 ? null : string.Join('&', kept);
        return parts.Head + authority + parts.Path + (query is null ? string.Empty : "?" + query)
            + (parts.Fragment is null ? string.Empty : "#" + parts.Fragment);
    }

    // /amp/ anywhere in the path (…/amp/story/…, …/news/amp/…), or an AMP file (story.amp, story.amp.html).
    private static bool IsAmpPath(string[] segments) =>
        segments.Any(s => s.Equals("amp", StringComparison.OrdinalIgnoreCase))
        || segments.Length > 0 && (segments[^1].EndsWith(".amp", StringComparison.OrdinalIgnoreCase) || segments[^1].EndsWith(".amp.html", StringComparison.OrdinalIgnoreCase));
}

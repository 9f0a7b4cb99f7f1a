namespace Marginalia.Publishing;

/// <summary>One header rule: the headers sent with every path the pattern matches.</summary>
/// <param name="For">A Netlify path pattern: literal, with <c>*</c> matching any run of characters, '/' included.</param>
/// <param name="Values">Header names and values, in the order netlify.toml lists them.</param>
internal sealed record HeaderRule(string For, IReadOnlyList<KeyValuePair<string, string>> Values)
{
    public bool Matches(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Glob(For.AsSpan(), path.AsSpan());
    }

    /// <summary>Netlify's splat: '*' takes any run of characters; everything else must match exactly.</summary>
    private static bool Glob(ReadOnlySpan<char> pattern, ReadOnlySpan<char> path)
    {
        var star = pattern.IndexOf('*');
        if (star < 0)
        {
            return pattern.SequenceEqual(path);
        }

        if (!path.StartsWith(pattern[..star]))
        {
            return false;
        }

        var rest = pattern[(star + 1)..];
        for (var from = star; from <= path.Length; from++)
        {
            if (Glob(rest, path[from..]))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// The response headers of the published site, defined once: netlify.toml's [[headers]] must equal these rules (a
/// test parses it and compares), and the preview sends them, so what an author previews runs under the policy the
/// site will. Rules apply in order; when several match a path, a later rule's value for a header replaces an
/// earlier one's, as on Netlify, so the general rule comes first and the exceptions after it.
/// </summary>
internal static class SiteHeaders
{
    public const string PagePolicy =
        "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

    /// <summary>Nothing runs, nothing loads: for files that are kept or looked at, never rendered as a page of the site.</summary>
    public const string InertPolicy = "default-src 'none'; sandbox";

    /// <summary>A contributed image opened on its own shows as an image and can do nothing else, whatever its bytes hold.</summary>
    public const string MediaPolicy = "default-src 'none'; img-src 'self'; sandbox";

    public static readonly IReadOnlyList<HeaderRule> Rules =
    [
        Rule("/*",
            ("Content-Security-Policy", PagePolicy),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "strict-origin-when-cross-origin"),
            ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
            ("Cache-Control", "public, max-age=0, must-revalidate")),
        Rule("/assets/*", ("Cache-Control", "public, max-age=31536000, immutable")),
        Rule("/sw.js", ("Cache-Control", "no-cache")),
        Rule("/manifest.webmanifest", ("Content-Type", "application/manifest+json; charset=utf-8")),
        Rule("/feed.xml", ("Content-Type", "application/atom+xml; charset=utf-8")),
        Rule("/downloads/*", ("Content-Disposition", "attachment"), ("Content-Security-Policy", InertPolicy)),
        Rule("/downloads/*.epub", ("Content-Type", "application/epub+zip")),
        Rule("/media/*", ("Content-Security-Policy", MediaPolicy), ("X-Content-Type-Options", "nosniff")),
        Rule("/annotations.jsonld", ("Content-Type", "application/ld+json; charset=utf-8"), ("Access-Control-Allow-Origin", "*")),
        Rule("/essay.txt", ("Content-Type", "text/plain; charset=utf-8"), ("Access-Control-Allow-Origin", "*")),
    ];

    /// <summary>The headers a path is served with: every matching rule in order, a later value replacing an earlier one.</summary>
    public static IReadOnlyDictionary<string, string> For(string path)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in Rules)
        {
            if (rule.Matches(path))
            {
                foreach (var (name, value) in rule.Values)
                {
                    result[name] = value;
                }
            }
        }

        return result;
    }

    private static HeaderRule Rule(string pattern, params (string Name, string Value)[] values) =>
        new(pattern, [.. values.Select(v => KeyValuePair.Create(v.Name, v.Value))]);
}

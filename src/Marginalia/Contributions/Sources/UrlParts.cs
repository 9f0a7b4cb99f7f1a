namespace Marginalia.Contributions.Sources;

/// <summary>An address cut into its written parts, without decoding or normalising any of them.</summary>
/// <param name="Head">The scheme and "://", as written.</param>
/// <param name="Authority">Host, with any user and port, as written.</param>
/// <param name="Path">From the first '/' after the host to '?' or '#'.</param>
/// <param name="Query">After '?' up to '#', or null when there is no '?'.</param>
/// <param name="Fragment">After '#', or null when there is no '#'.</param>
internal readonly record struct UrlParts(string Head, string Authority, string Path, string? Query, string? Fragment)
{
    public static UrlParts? Split(string url)
    {
        var at = url.IndexOf("://", StringComparison.Ordinal);
        if (at <= 0)
        {
            return null;
        }

        var start = at + 3;
        var end = url.IndexOfAny(['/', '?', '#'], start);
        end = end < 0 ? url.Length : end;
        var rest = url[end..];
        string? fragment = null;
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            fragment = rest[(hash + 1)..];
            rest = rest[..hash];
        }

        string? query = null;
        var mark = rest.IndexOf('?', StringComparison.Ordinal);
        if (mark >= 0)
        {
            query = rest[(mark + 1)..];
            rest = rest[..mark];
        }

        return new UrlParts(url[..start], url[start..end], rest, query, fragment);
    }

    /// <summary>The port when it is the scheme's default written out (":443" on https, ":80" on http, or a bare ":"); otherwise null.</summary>
    public string? DefaultPort()
    {
        var host = Authority[(Authority.LastIndexOf('@') + 1)..];
        var colon = host.LastIndexOf(':');
        if (colon < 0 || colon < host.LastIndexOf(']'))
        {
            return null;
        }

        var written = host[(colon + 1)..];
        var port = written.TrimStart('0');
        var scheme = Head[..^3];
        return written.Length == 0
            || port == "443" && scheme.Equals("https", StringComparison.OrdinalIgnoreCase)
            || port == "80" && scheme.Equals("http", StringComparison.OrdinalIgnoreCase)
            ? written
            : null;
    }

    /// <summary>Each parameter's name, percent-decoded.</summary>
    public IEnumerable<string> QueryNames() => QueryPairs().Select(p => p.Name);

    public IEnumerable<(string Name, string Value)> QueryPairs() =>
        Query is null ? [] : Query.Split('&').Select(pair => (NameOf(pair), ValueOf(pair)));

    public bool HasParameter(string name) => QueryNames().Any(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A parameter's decoded name. An address copied out of HTML source keeps "&amp;amp;" as its separator, so the
    /// name after it reads "amp;utm_source": the "amp;" is not part of the name.
    /// </summary>
    public static string NameOf(string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        var name = Decode(equals < 0 ? pair : pair[..equals]);
        return name.StartsWith("amp;", StringComparison.OrdinalIgnoreCase) ? name[4..] : name;
    }

    private static string ValueOf(string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
    }

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return text;
        }
    }
}

using System.Text.RegularExpressions;

namespace Marginalia.Content;

/// <summary>
/// Which addresses Markdown from <c>input/</c> may carry, in the essay and in every contributed body alike: links to
/// the web or mail only (xrefs are the contributions' own, checked where they resolve), images only from
/// <c>input/media/</c>. Kept with the essay's content, below the contributions, since the essay obeys them too.
/// </summary>
internal static partial class MarkdownAddresses
{
    /// <summary>Whether a link address (not an xref:) is one a page may carry: https:, http: or mailto:.</summary>
    public static bool IsAllowedAddress(string? url) => AllowedLink().IsMatch(url?.Trim() ?? string.Empty);

    /// <summary>Why an image address may not be shown (remote, outside media/, missing), or null when it may.</summary>
    public static string? CheckImage(string? url, string mediaFolder)
    {
        url ??= string.Empty;
        if (Uri.TryCreate(url, UriKind.Absolute, out _) || url.StartsWith("//", StringComparison.Ordinal))
        {
            return $"remote image '{Shorten(url)}' is not allowed: it would break offline reading and tell another site who reads";
        }

        if (!MediaPath().IsMatch(url))
        {
            return $"image '{Shorten(url)}' must be a file under media/ (letters, digits, '.', '_', '-' in its name)";
        }

        return File.Exists(Path.Combine(mediaFolder, url["media/".Length..])) ? null : $"image '{url}' is not in input/media/";
    }

    /// <summary>Whether an image address has the shape of a file under media/ (whether the file exists is not checked).</summary>
    public static bool IsMediaPath(string? url) => MediaPath().IsMatch(url ?? string.Empty);

    /// <summary>An address short enough to quote in a message.</summary>
    public static string Shorten(string url) => url.Length <= 60 ? url : url[..57] + "…";

    [GeneratedRegex("^(https?://[^\\s]+|mailto:[^\\s]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex AllowedLink();

    [GeneratedRegex("^media/([A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$")]
    private static partial Regex MediaPath();
}

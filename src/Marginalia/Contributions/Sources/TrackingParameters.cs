namespace Marginalia.Contributions.Sources;

/// <summary>
/// Query parameters that only tell a site where a click came from (campaign tags, ad and social click ids). They
/// change nothing on the page, make two citations of one page look different, and carry a reader's trail.
/// </summary>
internal static class TrackingParameters
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id",
        "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id",
    };

    /// <summary>True for a parameter name (already percent-decoded) that only tracks: <c>utm_*</c> and the click ids above.</summary>
    public static bool IsTracking(string name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || Names.Contains(name);
}

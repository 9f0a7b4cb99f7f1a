namespace Marginalia.Theme;

/// <summary>
/// One page of the site: which layout renders it, where it is written, and the prefix that turns a site path into a
/// link from it (relative, "../" per folder, so the site works from disk; root-relative for 404.html, which the host
/// serves at any depth).
/// </summary>
internal sealed record PageSpec(string Layout, string Destination, string Title, string Description, string Root, string CanonicalPath);

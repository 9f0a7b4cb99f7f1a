namespace Marginalia.Content;

/// <summary><c>input/site.yml</c> (a contract: see README, "Site settings").</summary>
internal sealed record SiteSettings(
    string Title,
    string Description,
    Uri BaseUrl,
    Uri? Repository,
    string Branch,
    MarkMode GlossaryMark,
    MarkMode InitiativesLink)
{
    public static readonly IReadOnlyList<string> Fields = ["title", "description", "base-url", "repository", "branch", "glossary", "initiatives"];

    /// <summary>The path part of the base URL ("/" at a domain's root): where root-relative URLs (404.html) start.</summary>
    public string BasePath => BaseUrl.AbsolutePath;
}

namespace Marginalia.Contributions;

/// <summary>Relative links between site paths ("index.html", "notes/index.html"), which work from disk and from any host path.</summary>
internal static class SitePaths
{
    /// <summary>The page the essay is read on: xrefs to paragraphs and notes lead there.</summary>
    public const string Reader = "index.html";

    /// <summary>The glossary page: xrefs to terms lead to their entries there.</summary>
    public const string Glossary = "glossary/index.html";

    /// <summary>"../" once per folder of <paramref name="fromPath"/>.</summary>
    public static string Root(string fromPath)
    {
        ArgumentNullException.ThrowIfNull(fromPath);
        return string.Concat(Enumerable.Repeat("../", fromPath.Count(c => c == '/')));
    }

    public static string Relative(string fromPath, string toPath) => Root(fromPath) + toPath;
}

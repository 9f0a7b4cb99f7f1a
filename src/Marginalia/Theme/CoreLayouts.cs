namespace Marginalia.Theme;

/// <summary>
/// The layouts of the pages that belong to no kind of annotation: the reader (the essay), sources, contributors,
/// about, search and 404, and base, which wraps every page. A kind names these when it adds to their models.
/// </summary>
internal static class CoreLayouts
{
    public const string Base = "base";
    public const string Reader = "reader";
    public const string Sources = "sources";
    public const string Contributors = "contributors";
    public const string About = "about";
    public const string NotFound = "404";
    public const string Search = "search";
}

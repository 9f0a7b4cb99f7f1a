using NUglify;
using NUglify.JavaScript;

namespace Marginalia.Theme;

/// <summary>
/// Minifies the theme's stylesheets and scripts as they are published (NUglify): the sources keep the comments that
/// say why, and readers download only the code. Anything NUglify reports as an error is published unminified, since
/// a reader's page must never break for the sake of a few bytes.
/// </summary>
internal static class AssetMinifier
{
    /// <summary>The minifier's own version, part of every cache key of its results: another NUglify may minify differently.</summary>
    public static string Version { get; } = typeof(Uglify).Assembly.FullName ?? nameof(Uglify);

    public static string Minify(string name, string content)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(content);
        var result = Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".css" => Uglify.Css(content),
            ".js" => Uglify.Js(content, new CodeSettings { PreserveImportantComments = false }),
            _ => (UglifyResult?)null,
        };

        return result is { HasErrors: false, Code: { } code } ? code : content;
    }
}

namespace Marginalia.Content;

/// <summary>
/// The image formats <c>input/media/</c> accepts: rasters, which a browser only ever decodes and never runs. SVG is
/// not among them (it is a document that can hold script), nor AVIF (see <see cref="ImageCheck"/>).
/// </summary>
internal enum ImageFormat
{
    Png,
    Jpeg,
    Gif,
    WebP,
}

/// <summary>The names each format may have: servers pick the Content-Type by the name, so it must agree with the bytes.</summary>
internal static class ImageFormats
{
    public static IReadOnlyList<string> Extensions(ImageFormat format) => format switch
    {
        ImageFormat.Png => [".png"],
        ImageFormat.Jpeg => [".jpg", ".jpeg"],
        ImageFormat.Gif => [".gif"],
        _ => [".webp"],
    };

    public static string Name(ImageFormat format) => format switch
    {
        ImageFormat.Png => "PNG",
        ImageFormat.Jpeg => "JPEG",
        ImageFormat.Gif => "GIF",
        _ => "WebP",
    };

    /// <summary>Whether a file name ends as the format's files do (case aside: static hosts map extensions without case).</summary>
    public static bool NameAgrees(string fileName, ImageFormat format) =>
        Extensions(format).Contains(Path.GetExtension(fileName).ToLowerInvariant());
}

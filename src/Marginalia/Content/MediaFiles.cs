using System.Globalization;
using Marginalia.Diagnostics;
using Marginalia.Pipeline;

namespace Marginalia.Content;

/// <summary>
/// The checks on each file under <c>input/media/</c>, whatever its name, folder or extension (hidden files and files
/// without one included): sizes before reading (MG0120), then bytes (MG0118).
/// </summary>
/// <remarks>
/// SVG is refused, not sanitised: it is a document, not a picture, with script in many places (<c>&lt;script&gt;</c>,
/// <c>on…</c> attributes, <c>&lt;foreignObject&gt;</c> holding HTML, <c>javascript:</c> in <c>href</c> and
/// <c>xlink:href</c>, <c>&lt;use&gt;</c> of outside documents, CSS), and the sanitiser the site has is an HTML
/// sanitiser that knows none of SVG's rules. A sanitiser missing one vector would publish script on the site's own
/// origin; a raster has no such place, so refusing it closes the class. Converting to PNG keeps the picture.
/// </remarks>
internal static class MediaFiles
{
    private static readonly string[] ScriptNames = [".svg", ".svgz", ".html", ".htm", ".xhtml", ".xml", ".js", ".mjs"];

    /// <summary>Refuses (MG0120) each file over the file limit, and every file when the folder is over its limit.</summary>
    public static string[] Admit(string[] files, IExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(context);
        var roots = context.Build.Roots;
        var sizes = files.Select(f => (File: f, Length: LengthOf(f))).ToArray();
        var admitted = new List<string>();
        foreach (var (file, length) in sizes)
        {
            if (length > MediaLimits.MaxFileBytes)
            {
                context.Diagnostics.Error(DiagnosticCodes.MediaTooLarge, SourceLocation.File(roots.Display(file)),
                    $"this image is {Bytes(length)}, more than the {Bytes(MediaLimits.MaxFileBytes)} ({Size(MediaLimits.MaxFileBytes)}) a media file may be",
                    "make it smaller: at most 2,000 pixels on its long side, JPEG or WebP for photos, PNG for diagrams");
            }
            else
            {
                admitted.Add(file);
            }
        }

        var total = sizes.Sum(s => s.Length);
        if (total > MediaLimits.MaxFolderBytes)
        {
            var root = Path.Combine(roots.Input, MediaPipeline.Folder);
            var largest = string.Join(", ", sizes.OrderByDescending(s => s.Length).ThenBy(s => s.File, StringComparer.Ordinal).Take(5)
                .Select(s => $"{roots.Display(s.File)} ({Size(s.Length)})"));
            context.Diagnostics.Error(DiagnosticCodes.MediaTooLarge, SourceLocation.File(roots.Display(root)),
                $"the media folder holds {Size(total)} in {sizes.Length} files, more than the {Size(MediaLimits.MaxFolderBytes)} it may; the largest: {largest}",
                "make the images smaller or use fewer; the folder's files are checked one by one once it is within the limit");
            return []; // none is read: the build fails here, and reading more than the limit is what the limit bounds
        }

        return [.. admitted];
    }

    /// <summary>Whether a media file may be published: a raster image named as its format, of bounded size (MG0118 if not).</summary>
    public static bool Check(Document file, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var at = SourceLocation.File(file.Source!);
        var name = Path.GetFileName(file.Source!);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var (info, problem) = ImageCheck.Inspect(file.Bytes!.Value.Span);

        if (extension is ".svg" or ".svgz" || (problem is not null && problem.Contains("SVG", StringComparison.Ordinal)))
        {
            diagnostics.Error(DiagnosticCodes.MediaNotImage, at,
                "SVG is not accepted: an SVG file is a document that can run script (<script>, on… attributes, <foreignObject>, javascript: links), and it would run on the site's own address",
                "convert it to PNG (e.g. 'rsvg-convert -w 1600 -o name.png name.svg' or your editor's PNG export) and show media/name.png");
            return false;
        }

        if (info is not { } image)
        {
            diagnostics.Error(DiagnosticCodes.MediaNotImage, at,
                $"'{name}' is not an image the site accepts: {problem}",
                ScriptNames.Contains(extension)
                    ? "input/media/ holds only PNG, JPEG, GIF and WebP images: pages and scripts cannot be contributed"
                    : "input/media/ holds only PNG, JPEG, GIF and WebP images; export the picture as one of those");
            return false;
        }

        if (!ImageFormats.NameAgrees(name, image.Format))
        {
            var expected = ImageFormats.Extensions(image.Format)[0];
            diagnostics.Error(DiagnosticCodes.MediaNotImage, at,
                $"'{name}' is a {ImageFormats.Name(image.Format)} image but its name does not end in {string.Join(" or ", ImageFormats.Extensions(image.Format))}: a server sends a file with the type its name gives",
                $"rename it to {Path.GetFileNameWithoutExtension(name)}{expected} and change the references to it");
            return false;
        }

        if (image.Width > MediaLimits.MaxSide || image.Height > MediaLimits.MaxSide || image.Width * image.Height > MediaLimits.MaxPixels)
        {
            diagnostics.Error(DiagnosticCodes.MediaNotImage, at,
                $"'{name}' is {image.Width.ToString(CultureInfo.InvariantCulture)} × {image.Height.ToString(CultureInfo.InvariantCulture)} pixels; an image may have at most {MediaLimits.MaxPixels.ToString("N0", CultureInfo.InvariantCulture)} pixels and {MediaLimits.MaxSide.ToString("N0", CultureInfo.InvariantCulture)} on a side, or it could exhaust a reader's memory",
                "scale it down: 2,000 pixels on the long side is plenty on any screen");
            return false;
        }

        return true;
    }

    private static long LengthOf(string file)
    {
        try
        {
            return new FileInfo(file).Length;
        }
        catch (IOException)
        {
            return 0; // reported when it is read
        }
    }

    private static string Bytes(long bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";

    /// <summary>A size as people say it: "2 MB" (binary megabytes, as the limits are set).</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB";
}

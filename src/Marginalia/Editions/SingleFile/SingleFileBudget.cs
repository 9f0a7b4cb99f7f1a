using System.Collections.Immutable;
using AngleSharp.Dom;

namespace Marginalia.Editions.SingleFile;

/// <summary>An image the edition inlines: its site path, how many times it is shown, and what each copy weighs inlined.</summary>
internal sealed record InlinedImage(string Path, int Times, long EachBytes)
{
    public long TotalBytes => Times * EachBytes;
}

/// <summary>What the single-file edition would weigh, measured before anything is inlined.</summary>
internal sealed record SingleFileMeasure(long Bytes, int Images, ImmutableArray<InlinedImage> ByImage);

/// <summary>The edition (null when over its budget) and its measure.</summary>
internal sealed record SingleFileResult(string? Html, SingleFileMeasure Measure)
{
    /// <summary>The edition's ids and links, for the link check; empty when it is over the budget.</summary>
    public Content.HtmlAnchors Anchors { get; init; } = Content.HtmlAnchors.Empty;
}

/// <summary>
/// The most the single-file edition may weigh and the most images it may show (MG0505). It inlines each image each
/// time the reader shows it, so without a bound one small image shown 20,000 times made a 9 GB string and the build ran
/// out of memory.
/// </summary>
/// <param name="MaxBytes">The edition's size: 32 MiB, twice what the whole media folder (16 MiB) takes in base64.</param>
/// <param name="MaxImages">Images shown: 200, six times the notes the essay has today each with an image.</param>
internal sealed record SingleFileBudget(long MaxBytes, int MaxImages)
{
    /// <summary>The site's budget; the scaling benchmark (ScaleRun), whose 10× reader is over 32 MiB by design, lifts it for its own process.</summary>
    public static SingleFileBudget Site { get; set; } = new(32L * 1024 * 1024, 200);

    public static SingleFileBudget Unlimited { get; } = new(long.MaxValue, int.MaxValue);

    public bool Allows(SingleFileMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return measure.Bytes <= MaxBytes && measure.Images <= MaxImages;
    }

    /// <summary>The size the edition of a page would have (UTF-16 length of the page as a close bound of its bytes) and its images.</summary>
    public static SingleFileMeasure Measure(IDocument page, long pageLength, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> files)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(files);
        var bytes = pageLength;
        foreach (var element in page.QuerySelectorAll("link[rel=stylesheet][href], script[src]"))
        {
            bytes += files.TryGetValue(element.GetAttribute(element.LocalName == "script" ? "src" : "href")!, out var text) ? text.Length : 0;
        }

        var images = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var shown = 0;
        foreach (var element in page.QuerySelectorAll("link[rel=icon][href], img[src]"))
        {
            var path = element.GetAttribute(element.LocalName == "img" ? "src" : "href")!;
            if (files.ContainsKey(path))
            {
                images[path] = images.GetValueOrDefault(path) + 1;
                shown += element.LocalName == "img" ? 1 : 0;
            }
        }

        var byImage = images.Select(i => new InlinedImage(i.Key, i.Value, DataUrlLength(i.Key, files[i.Key].Length))).ToImmutableArray();
        return new SingleFileMeasure(bytes + byImage.Sum(i => i.TotalBytes), shown, byImage);
    }

    private static long DataUrlLength(string path, long length) =>
        "data:".Length + SingleFileEdition.MediaType(path).Length + ";base64,".Length + ((length + 2) / 3 * 4);
}

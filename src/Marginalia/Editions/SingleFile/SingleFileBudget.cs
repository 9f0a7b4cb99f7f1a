using System.Collections.Immutable;

namespace Marginalia.Editions.SingleFile;

/// <summary>An image the edition inlines: its site path, how many times it is shown, and what each copy weighs inlined.</summary>
internal sealed record InlinedImage(string Path, int Times, long EachBytes)
{
    public long TotalBytes => Times * EachBytes;
}

/// <summary>What the single-file edition would weigh, measured before anything is inlined.</summary>
internal sealed record SingleFileMeasure(long Bytes, int Images, ImmutableArray<InlinedImage> ByImage);

/// <summary>The edition's measure and, unless it is over its budget, the means to write it.</summary>
internal sealed record SingleFileResult(SingleFileMeasure Measure)
{
    /// <summary>The edition's ids and links, for the link check; empty when it is over the budget.</summary>
    public Content.HtmlAnchors Anchors { get; init; } = Content.HtmlAnchors.Empty;

    /// <summary>Writes the edition (a large one straight to a file, never whole in memory); null when it is over the budget.</summary>
    public Action<TextWriter>? Write { get; init; }

    /// <summary>The edition as one string, written anew on each call; null when it is over the budget.</summary>
    public string? Html
    {
        get
        {
            if (Write is null)
            {
                return null;
            }

            using var html = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            Write(html);
            return html.ToString();
        }
    }
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
}

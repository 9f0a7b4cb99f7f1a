namespace Marginalia.Editions.SingleFile;

/// <summary>
/// Turns the reader page into one self-contained file that works anywhere, e.g. sent by email: stylesheets and
/// scripts inlined (scripts moved to the end of the body, since a deferred script inlined in the head would run before
/// the page exists), images as data: URLs, every other link made absolute on the live site. The notes, glossary
/// tips and initiative cards are already in the reader page, so nothing else has to be fetched. The reader's tools
/// and the search, which the site loads on first use, are there from the start (<see cref="SingleFilePage"/>).
/// </summary>
/// <remarks>
/// HTML has no way to show one data: URL in two places without script, so an image is inlined each time it is shown:
/// the edition's size is measured first (<see cref="SingleFileBudget"/>) and nothing is inlined when it is over.
/// </remarks>
internal static class SingleFileEdition
{
    /// <summary>The edition, with no limit on its size (for small, known pages).</summary>
    public static string Create(string readerHtml, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> files, Uri baseUrl) =>
        Create(readerHtml, files, baseUrl, SingleFileBudget.Unlimited).Html!;

    /// <param name="readerHtml">The reader page as the site publishes it (at the site root).</param>
    /// <param name="files">The site's other files by path (assets, media), to inline what the page uses.</param>
    /// <param name="baseUrl">The live site, where links to its other pages lead.</param>
    /// <param name="budget">The most the edition may weigh and the most images it may show.</param>
    /// <returns>The edition's measure, and unless it is over the budget, its anchors and the means to write it.</returns>
    public static SingleFileResult Create(string readerHtml, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> files, Uri baseUrl, SingleFileBudget budget)
    {
        ArgumentNullException.ThrowIfNull(readerHtml);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(budget);
        var page = new SingleFilePage(readerHtml, files, baseUrl);
        var measure = page.Measure();
        return budget.Allows(measure)
            ? new SingleFileResult(measure) { Anchors = page.Anchors, Write = page.WriteTo }
            : new SingleFileResult(measure);
    }

    internal static string MediaType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        _ => "application/octet-stream",
    };
}

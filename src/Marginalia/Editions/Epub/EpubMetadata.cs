using System.Globalization;
using Marginalia.Content;
using Marginalia.Extensions;

namespace Marginalia.Editions.Epub;

/// <summary>
/// What the package document says about the book. Every value comes from the input, never from the clock or the
/// machine, so two builds of the same input write the same bytes.
/// </summary>
internal sealed record EpubMetadata(
    string Identifier,
    string Title,
    string Author,
    string Publisher,
    string Language,
    DateOnly Modified,
    DateOnly? Published,
    string Description,
    Uri Source)
{
    /// <summary><c>dcterms:modified</c> in the one form EPUB accepts (CCYY-MM-DDThh:mm:ssZ).</summary>
    public string ModifiedStamp => Modified.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    /// <param name="dates">When the book's pieces were written or updated (<see cref="LastModified"/>).</param>
    public static EpubMetadata From(ReaderResult reader, SiteSettings site, IEnumerable<DateOnly> dates)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(site);
        var info = reader.Essay.Info;
        return new EpubMetadata(
            Identifier: BookIdentifier.From(site.BaseUrl, info.Title),
            Title: info.Title,
            Author: info.Author,
            // This file is published by the annotated edition (the site), not by the essay's first publisher,
            // who is named in the book's own header instead.
            Publisher: site.Title,
            Language: info.Language,
            Modified: LastModified.Of(reader, dates),
            Published: info.Published,
            Description: site.Description,
            Source: site.BaseUrl);
    }
}

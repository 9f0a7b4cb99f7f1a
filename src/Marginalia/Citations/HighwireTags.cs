namespace Marginalia.Citations;

/// <summary>One <c>&lt;meta name content&gt;</c> of the reader's head.</summary>
internal sealed record MetaTag(string Name, string Content);

/// <summary>
/// The Highwire Press <c>citation_*</c> tags Google Scholar indexes and Zotero's Embedded Metadata translator reads,
/// for the reader page: the essay's title, author, this edition as publisher, language and URL. There is no
/// <c>citation_date</c> or <c>citation_publication_date</c> unless the essay's front matter gives a date: a date the
/// source does not give is never made up.
/// </summary>
internal static class HighwireTags
{
    public static IReadOnlyList<MetaTag> Of(CitedWork work, Uri edition)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(edition);
        var tags = new List<MetaTag>
        {
            new("citation_title", work.Title),
            new("citation_author", work.Author.Inverted),
            new("citation_publisher", work.SiteName),
            new("citation_language", work.Language),
        };
        if (work.Published is { } date)
        {
            tags.Add(new("citation_publication_date", $"{date.Year:D4}" + (date.Month is { } m ? $"/{m:D2}" + (date.Day is { } d ? $"/{d:D2}" : string.Empty) : string.Empty)));
        }

        tags.Add(new("citation_public_url", edition.AbsoluteUri));
        tags.Add(new("citation_abstract_html_url", edition.AbsoluteUri));
        return tags;
    }
}

namespace Marginalia.Citations;

/// <summary>One element of a citation, in the order a style's row lists them.</summary>
internal enum CitePart
{
    /// <summary>The author, in the row's <see cref="NameForm"/>.</summary>
    Author,

    /// <summary>The publication date, or the row's "no date" text when the source gives none.</summary>
    Date,

    /// <summary>The title, cased and marked as the row says, with the editorial note where the editors gave it.</summary>
    Title,

    /// <summary>The website's name.</summary>
    Site,

    /// <summary>The website's publisher, where it differs from its name.</summary>
    SitePublisher,

    /// <summary>The access date, only for an undated source in a style that asks for one.</summary>
    Accessed,

    /// <summary>The passage's URL.</summary>
    Url,

    /// <summary>Who published and republished the essay before this edition.</summary>
    Original,
}

/// <summary>When a style gives the reader's access date.</summary>
internal enum AccessDate
{
    /// <summary>Never (APA: only for pages designed to change, which an edition of an essay is not).</summary>
    Never,

    /// <summary>Only when the source gives no date (Chicago).</summary>
    WhenUndated,

    /// <summary>Whenever the citer has one (MLA: optional, recommended for an undated source).</summary>
    Always,
}

internal enum NameForm
{
    /// <summary>"Partha Roy" (Chicago notes).</summary>
    Direct,

    /// <summary>"Roy, Partha" (Chicago bibliography, MLA).</summary>
    Inverted,

    /// <summary>"Roy, P." (APA).</summary>
    InvertedInitials,
}

internal enum TitleMark
{
    /// <summary>In italics: a stand-alone web page (APA).</summary>
    Italic,

    /// <summary>In quotation marks: a page within a website (Chicago, MLA).</summary>
    Quoted,
}

/// <summary>One element and the punctuation that follows it.</summary>
internal sealed record CiteSlot(CitePart Part, string After);

/// <summary>How a style writes a date: a pattern with {year}, {month} and {day}, the month names, and the patterns for a year and month only or a year only.</summary>
internal sealed record DateStyle(string Full, string YearMonth, string YearOnly, IReadOnlyList<string> Months)
{
    public string Format(CitedDate date)
    {
        ArgumentNullException.ThrowIfNull(date);
        var pattern = date switch
        {
            { Month: not null, Day: not null } => Full,
            { Month: not null } => YearMonth,
            _ => YearOnly,
        };
        return pattern
            .Replace("{year}", date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{month}", date.Month is { } m ? Months[m - 1] : string.Empty, StringComparison.Ordinal)
            .Replace("{day}", date.Day?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, StringComparison.Ordinal);
    }
}

/// <summary>
/// One row of <see cref="CitationStyles"/>: everything that tells one style's citation of a web page from another's.
/// The formatter (<see cref="CitationFormatter"/>) knows no style by name.
/// </summary>
/// <param name="Id">The style's key in the reader's data block ("apa").</param>
/// <param name="Name">What the reader's panel calls it.</param>
/// <param name="Slots">The elements in order, each with the punctuation after it.</param>
/// <param name="Names">How the author is written.</param>
/// <param name="SentenceCase">Whether the title is written in sentence case (APA) or as given (headline case).</param>
/// <param name="Title">Italics or quotation marks.</param>
/// <param name="SiteItalic">Whether the website's name is in italics (MLA's container).</param>
/// <param name="Dates">How publication and access dates are written.</param>
/// <param name="DateWrap">The publication date's frame ("({0})" in APA).</param>
/// <param name="NoDate">What stands for a missing date ("(n.d.)" in APA); null leaves the element out.</param>
/// <param name="Accessed">When the reader's access date is given.</param>
/// <param name="AccessedWord">The words before an access date ("accessed"), capitalised after a full stop.</param>
/// <param name="EditorialNote">What follows a title the editors supplied, in square brackets.</param>
/// <param name="OriginalWrap">The frame of the earlier publication statement ("({0})" in APA).</param>
internal sealed record CitationStyle(
    string Id,
    string Name,
    IReadOnlyList<CiteSlot> Slots,
    NameForm Names,
    bool SentenceCase,
    TitleMark Title,
    bool SiteItalic,
    DateStyle Dates,
    string DateWrap,
    string? NoDate,
    AccessDate Accessed,
    string AccessedWord,
    string EditorialNote,
    string OriginalWrap);

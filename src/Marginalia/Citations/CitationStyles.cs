namespace Marginalia.Citations;

/// <summary>
/// The three styles the reader offers, each for an article on a website, one row each. No CSL processor is to be had
/// from NuGet, and three styles of one kind of source need only this table and <see cref="CitationFormatter"/>.
/// Each row follows the style's published guidance; the unit tests check each against worked examples from it.
/// </summary>
/// <remarks>
/// Choices the guidance leaves open, made once here:
/// <list type="bullet">
/// <item>No date is invented: APA writes "(n.d.)"; Chicago and MLA leave the date out and give the reader's access
/// date instead, as both recommend for an undated web page (the reader's browser fills it in when citing).</item>
/// <item>A title the editors supplied keeps its place and is followed by "[title supplied by the editors]": each
/// style puts what it adds to a title in square brackets (APA's bracketed description after a title, Chicago's and
/// MLA's brackets for what the citer supplies).</item>
/// <item>Where the essay was first published and republished closes the citation, as each style's note on a work
/// reprinted from elsewhere does ("Originally published ...", APA in parentheses after the URL).</item>
/// <item>URLs are written whole, scheme included: MLA allows leaving it off, but a passage link must stay a link.</item>
/// </list>
/// </remarks>
internal static class CitationStyles
{
    private static readonly string[] FullMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    // MLA 9 abbreviates months longer than four letters (Sept. keeps four).
    private static readonly string[] MlaMonths =
        ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

    private static readonly DateStyle MonthDayYear = new("{month} {day}, {year}", "{month} {year}", "{year}", FullMonths);

    /// <summary>APA 7th edition, a web page: Author. (Date). <i>Title</i>. Site. URL</summary>
    public static CitationStyle Apa { get; } = new(
        "apa", "APA (7th edition)",
        [new(CitePart.Author, "."), new(CitePart.Date, "."), new(CitePart.Title, "."), new(CitePart.Site, "."), new(CitePart.Url, ""), new(CitePart.Original, "")],
        NameForm.InvertedInitials, SentenceCase: true, TitleMark.Italic, SiteItalic: false,
        new DateStyle("{year}, {month} {day}", "{year}, {month}", "{year}", FullMonths), DateWrap: "({0})", NoDate: "(n.d.)",
        AccessDate.Never, AccessedWord: "retrieved", EditorialNote: "[Title supplied by the editors]", OriginalWrap: "({0})");

    /// <summary>Chicago 17th edition, notes and bibliography: the full note for a web page.</summary>
    public static CitationStyle ChicagoNote { get; } = new(
        "chicago-note", "Chicago (17th edition), note",
        [new(CitePart.Author, ","), new(CitePart.Title, ","), new(CitePart.Site, ","), new(CitePart.SitePublisher, ","), new(CitePart.Date, ","), new(CitePart.Accessed, ","), new(CitePart.Url, "."), new(CitePart.Original, ".")],
        NameForm.Direct, SentenceCase: false, TitleMark.Quoted, SiteItalic: false,
        MonthDayYear, DateWrap: "{0}", NoDate: null,
        AccessDate.WhenUndated, AccessedWord: "accessed", EditorialNote: "[title supplied by the editors]", OriginalWrap: "{0}");

    /// <summary>Chicago 17th edition, notes and bibliography: the bibliography entry for a web page.</summary>
    public static CitationStyle ChicagoBibliography { get; } = ChicagoNote with
    {
        Id = "chicago-bibliography",
        Name = "Chicago (17th edition), bibliography",
        Slots = [new(CitePart.Author, "."), new(CitePart.Title, "."), new(CitePart.Site, "."), new(CitePart.SitePublisher, "."), new(CitePart.Date, "."), new(CitePart.Accessed, "."), new(CitePart.Url, "."), new(CitePart.Original, ".")],
        Names = NameForm.Inverted,
    };

    /// <summary>MLA 9th edition, a work on a website: Author. "Title." <i>Site</i>, Publisher, Date, URL. Accessed Date.</summary>
    public static CitationStyle Mla { get; } = new(
        "mla", "MLA (9th edition)",
        [new(CitePart.Author, "."), new(CitePart.Title, "."), new(CitePart.Site, ","), new(CitePart.SitePublisher, ","), new(CitePart.Date, ","), new(CitePart.Url, "."), new(CitePart.Accessed, "."), new(CitePart.Original, ".")],
        NameForm.Inverted, SentenceCase: false, TitleMark.Quoted, SiteItalic: true,
        new DateStyle("{day} {month} {year}", "{month} {year}", "{year}", MlaMonths), DateWrap: "{0}", NoDate: null,
        AccessDate.Always, AccessedWord: "accessed", EditorialNote: "[title supplied by the editors]", OriginalWrap: "{0}");

    /// <summary>Every style, in the order the reader's panel and the EPUB list them.</summary>
    public static IReadOnlyList<CitationStyle> All { get; } = [Apa, ChicagoNote, ChicagoBibliography, Mla];
}

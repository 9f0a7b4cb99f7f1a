using System.Globalization;
using System.Net;
using System.Text;

namespace Marginalia.Citations;

/// <summary>A citation in one style: as plain text (to copy) and as HTML with its italics (to show).</summary>
internal sealed record FormattedCitation(string StyleId, string Text, string Html);

/// <summary>
/// Writes a citation of a <see cref="CitedWork"/> in one <see cref="CitationStyle"/>: walks the row's elements, leaves
/// out those the work does not have, and puts each element's punctuation where the style puts it (inside closing
/// quotation marks, never doubled after an initial's full stop, dropped after a title's own question mark).
/// </summary>
internal static class CitationFormatter
{
    private const string OpenQuote = "\u201C";
    private const char CloseQuoteChar = '\u201D';
    private const string CloseQuote = "\u201D";

    /// <param name="url">The passage's URL, or a placeholder the reader's script replaces.</param>
    /// <param name="accessed">The access date as the style writes it, or a placeholder; null leaves it out.</param>
    public static FormattedCitation Format(CitationStyle style, CitedWork work, string url, string? accessed)
    {
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(url);
        var text = new StringBuilder();
        var html = new StringBuilder();
        var previousAfter = string.Empty;
        foreach (var slot in style.Slots)
        {
            if (Element(style, work, slot.Part, url, accessed, previousAfter) is not { } element)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(' ');
                html.Append(' ');
            }

            var after = slot.After;
            var (plain, marked) = element;
            if (after == "." && EndsWithStop(plain.TrimEnd(CloseQuoteChar, '*')))
            {
                after = string.Empty; // "Roy, P." or "What Is It?" needs no second full stop
            }

            if (plain.EndsWith(CloseQuote, StringComparison.Ordinal) && after.Length > 0)
            {
                // American style: a comma or full stop goes inside the closing quotation mark.
                text.Append(plain[..^1]).Append(after).Append(CloseQuoteChar);
                html.Append(marked[..^1]).Append(after).Append(CloseQuoteChar);
            }
            else
            {
                text.Append(plain).Append(after);
                html.Append(marked).Append(after);
            }

            previousAfter = slot.After;
        }

        return new FormattedCitation(style.Id, text.ToString(), html.ToString());
    }

    private static bool EndsWithStop(string s) => s.EndsWith('.') || s.EndsWith('?') || s.EndsWith('!');

    /// <summary>An element as plain text and as HTML, or null when the work has none.</summary>
    private static (string Plain, string Html)? Element(CitationStyle style, CitedWork work, CitePart part, string url, string? accessed, string previousAfter) => part switch
    {
        CitePart.Author => Plain(style.Names switch
        {
            NameForm.Direct => work.Author.Direct,
            NameForm.Inverted => work.Author.Inverted,
            _ => work.Author.InvertedInitials,
        }),
        CitePart.Date => work.Published is { } date
            ? Plain(string.Format(CultureInfo.InvariantCulture, style.DateWrap, style.Dates.Format(date)))
            : style.NoDate is { } none ? Plain(none) : null,
        CitePart.Title => Title(style, work),
        CitePart.Site => style.SiteItalic ? (work.SiteName, "<i>" + Encode(work.SiteName) + "</i>") : Plain(work.SiteName),
        CitePart.SitePublisher => work.SitePublisher is { } publisher && publisher != work.SiteName ? Plain(publisher) : null,
        CitePart.Accessed => accessed is not null && (style.Accessed == AccessDate.Always || (style.Accessed == AccessDate.WhenUndated && work.Published is null))
            ? Plain(Capitalised(style.AccessedWord, previousAfter == ".") + " " + accessed)
            : null,
        CitePart.Url => Plain(url),
        CitePart.Original => Original(work) is { } original ? Plain(string.Format(CultureInfo.InvariantCulture, style.OriginalWrap, original)) : null,
        _ => null,
    };

    private static (string, string) Plain(string text) => (text, Encode(text));

    private static (string Plain, string Html) Title(CitationStyle style, CitedWork work)
    {
        var title = style.SentenceCase ? TitleCase.Sentence(work.Title, work.ProperNouns) : work.Title;
        var (plain, html) = style.Title == TitleMark.Quoted
            ? (OpenQuote + title + CloseQuote, OpenQuote + Encode(title) + CloseQuote)
            : (title, "<i>" + Encode(title) + "</i>");
        return work.TitleIsEditorial
            ? (plain + " " + style.EditorialNote, html + " " + Encode(style.EditorialNote))
            : (plain, html);
    }

    /// <summary>"Originally published by Modern Diplomacy; republished by Africa-Press", or what of it the work has.</summary>
    internal static string? Original(CitedWork work) => (work.OriginalPublisher, work.Republisher) switch
    {
        ({ } first, { } again) => $"Originally published by {first}; republished by {again}",
        ({ } first, null) => $"Originally published by {first}",
        (null, { } again) => $"Republished by {again}",
        _ => null,
    };

    private static string Capitalised(string words, bool capital) =>
        capital && words.Length > 0 ? char.ToUpperInvariant(words[0]) + words[1..] : words;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

using System.Text.RegularExpressions;
using Marginalia.Content;

namespace Marginalia.Citations;

/// <summary>
/// What a citation of the essay names: its author, its title (and whether the editors gave it), the site that
/// publishes this edition, the site's publisher where it differs from the site's name, who published and republished
/// the essay before, its date when the front matter gives one (it usually does not: then no citation shows one), and
/// the words the essay capitalises mid-sentence (proper nouns a sentence-case title keeps).
/// </summary>
internal sealed partial record CitedWork(
    PersonName Author,
    string Title,
    bool TitleIsEditorial,
    string SiteName,
    string? SitePublisher,
    string? OriginalPublisher,
    string? Republisher,
    CitedDate? Published,
    string Language)
{
    /// <summary>Words kept capitalised when a style writes the title in sentence case (APA).</summary>
    public IReadOnlySet<string> ProperNouns { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The essay as this edition publishes it.</summary>
    public static CitedWork Of(Essay essay, SiteSettings site)
    {
        ArgumentNullException.ThrowIfNull(essay);
        ArgumentNullException.ThrowIfNull(site);
        var info = essay.Info;
        return new CitedWork(
            PersonName.Parse(info.Author), info.Title, info.TitleIsEditorial, site.Title, SitePublisher: null,
            info.Publisher, info.RepublishedBy, info.Published is { } d ? new CitedDate(d.Year, d.Month, d.Day) : null, info.Language)
        {
            ProperNouns = ProperNounsIn(essay.Paragraphs.Select(p => p.Text)),
        };
    }

    /// <summary>
    /// Capitalised words that follow a lower-case word or a comma in the essay: mid-sentence, so names, not sentence
    /// starts. No list of names is kept anywhere else, and the essay is the best witness of its own names.
    /// </summary>
    public static IReadOnlySet<string> ProperNounsIn(IEnumerable<string> texts)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (Match m in MidSentenceCapital().Matches(text))
            {
                words.Add(m.Groups[1].Value);
            }
        }

        return words;
    }

    [GeneratedRegex(@"(?<=[\p{Ll},;:] )(\p{Lu}[\p{L}’'-]*)")]
    private static partial Regex MidSentenceCapital();
}

/// <summary>A date as precise as the source gives it: a year, perhaps a month, perhaps a day.</summary>
internal sealed record CitedDate(int Year, int? Month = null, int? Day = null);

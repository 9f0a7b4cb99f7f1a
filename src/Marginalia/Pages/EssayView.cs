using System.Globalization;
using Marginalia.Content;
using Marginalia.Extensions;
using Marginalia.Reader;

namespace Marginalia.Pages;

/// <summary>The essay as every layout sees it (<c>essay.title</c>, <c>essay.sections</c>, <c>essay.html</c>, ...).</summary>
internal sealed record EssayView(
    string Title, bool TitleIsEditorial, string Author, string Publisher, string RepublishedBy, string Language, string Published,
    int ParagraphCount, IReadOnlyList<CorrectionView> Corrections, IReadOnlyList<SectionView> Sections, AnchoredHtml Html, string Version,
    string SingleFilePath, string EpubPath)
{
    public static EssayView Of(ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var essay = reader.Essay;
        var info = essay.Info;
        var number = 0;
        return new(
            info.Title, info.TitleIsEditorial, info.Author, info.Publisher ?? string.Empty, info.RepublishedBy ?? string.Empty, info.Language,
            info.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            essay.Paragraphs.Count(),
            [.. info.Corrections.Select(c => new CorrectionView(
                c.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), c.Change))],
            [.. essay.Sections.Select(s => new SectionView(s.Id, s.Title ?? string.Empty, s.Title is null, ++number, s.Paragraphs.Length))],
            new AnchoredHtml(reader.Html, reader.HtmlAnchors), reader.Version,
            Editions.EditionPaths.SingleFile(info), Editions.EditionPaths.Epub(info));
    }
}

/// <summary>A correction the editors made to the essay's text, for the about page.</summary>
internal sealed record CorrectionView(string Date, string DateLabel, string Change);

/// <summary>A section of the essay, for the table of contents.</summary>
internal sealed record SectionView(string Id, string Title, bool Untitled, int Number, int ParagraphCount);

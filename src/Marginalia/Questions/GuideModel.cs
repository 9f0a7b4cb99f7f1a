using System.Globalization;
using Marginalia.Content;
using Marginalia.Extensions;
using Marginalia.Theme;

namespace Marginalia.Questions;

/// <summary>
/// What the reading guide shows: the essay's sections in order, each with its questions (those about the whole section
/// first, then the others in reading order); a section without questions is left out. The page and the book's chapter
/// read the same groups, so they cannot list the questions differently.
/// </summary>
internal static class GuideModel
{
    /// <summary>The placed questions grouped by section, in the essay's order.</summary>
    public static List<(Content.EssaySection Section, List<PlacedQuestion> Questions)> Groups(ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var bySection = reader.Questions
            .GroupBy(q => q.SectionId.Length > 0 ? q.SectionId : reader.SectionOf(q.BlockId).Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g
                .OrderByDescending(q => q.AboutSection)
                .ThenBy(q => q.Start)
                .ThenBy(q => q.Question.Id, StringComparer.Ordinal)
                .ToList(), StringComparer.Ordinal);
        return [.. reader.Essay.Sections
            .Where(s => bySection.ContainsKey(s.Id))
            .Select(s => (s, bySection[s.Id]))];
    }

    /// <summary>The page's sections, every question's hints resolved for the page at <paramref name="pagePath"/>.</summary>
    public static List<GuideSectionView> Sections(ReaderResult reader, string pagePath)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return [.. Groups(reader).Select(g => new GuideSectionView(
            g.Section.Id, g.Section.Title ?? "Opening", g.Section.Title is null,
            [.. g.Questions.Select(q => View(q, reader, pagePath))]))];
    }

    /// <summary>"introductory", "advanced", or "" for a question that suits any group.</summary>
    public static string LevelName(Question question) => question.Level?.Name() ?? string.Empty;

    private static GuideQuestionView View(PlacedQuestion placed, ReaderResult reader, string pagePath)
    {
        var question = placed.Question;
        return new GuideQuestionView(
            question.Id, question.ElementId, question.Text, LevelName(question), question.Quote, placed.AboutSection, placed.BlockId,
            reader.ParagraphNumber(placed.BlockId), reader.Xrefs.ResolveAnchored(question.HintsHtml, pagePath),
            question.Author, "https://github.com/" + question.Author,
            question.Created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            question.Created.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            [.. question.Sources.Select(s => new SourceView(s.Title, s.Url.AbsoluteUri))]);
    }
}

/// <summary>One section of the guide: the essay section's id (its heading's id is <see cref="ReadingGuide.SectionIdPrefix"/> and this), its title ("Opening" for the untitled start) and its questions.</summary>
internal sealed record GuideSectionView(string Id, string Title, bool Untitled, IReadOnlyList<GuideQuestionView> Questions);

/// <summary>
/// A question as the guide shows it: its id (the layout writes its element id as "question-" and the id, so the site's
/// reserved-id rule sees that form; <see cref="ElementId"/> is the same id, for links), its text and level, the passage it is about (<see cref="PassageId"/> on the reader
/// page; <see cref="AboutSection"/> when it quotes the section's heading), its hints for the page, and its byline.
/// </summary>
internal sealed record GuideQuestionView(
    string Id, string ElementId, string Text, string Level, string Quote, bool AboutSection, string PassageId, int Paragraph,
    AnchoredHtml HintsHtml, string Author, string AuthorUrl, string Created, string CreatedLabel, IReadOnlyList<SourceView> Sources)
{
    /// <summary>Whether it has hints to show (<c>question.has_hints</c>).</summary>
    public bool HasHints => HintsHtml.Html.Length > 0;
}

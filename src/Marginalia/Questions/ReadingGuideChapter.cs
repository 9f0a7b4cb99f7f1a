using System.Globalization;
using AngleSharp.Dom;
using Marginalia.Editions.Epub;
using Marginalia.Extensions;

namespace Marginalia.Questions;

/// <summary>
/// The reading guide as a chapter: the questions section by section, as the site's guide page lists them
/// (<see cref="GuideModel.Groups"/>), each with the passage it is about linking into the essay's chapter (and its paragraph's number, as on the page), its hints
/// (open: a book has no place to fold them), its sources and its byline. Links to the site's guide page land here.
/// </summary>
internal sealed class ReadingGuideChapter(ReaderResult reader) : BookChapter
{
    public const string FileName = "reading-guide.xhtml";

    private readonly HashSet<string> _questions = [.. reader.Questions.Select(q => q.Question.ElementId)];

    public override string Id => "reading-guide";

    public override string File => FileName;

    public override string Title => ReadingGuide.Title;

    public override string Summary => "a reading guide of discussion questions";

    /// <summary>The site's guide page: its top, or a question's entry on it.</summary>
    public override string? Target(string path, string fragment) =>
        path is not ("reading-guide/" or ReadingGuide.Path) ? null
        : fragment.Length == 0 ? string.Empty
        : _questions.Contains(fragment) ? fragment
        : null;

    public override XhtmlPage Write(BookLinks links)
    {
        ArgumentNullException.ThrowIfNull(links);
        var page = new XhtmlPage(Title, reader.Essay.Info.Language);
        page.Body.SetAttribute("epub:type", "backmatter");
        var chapter = page.Append(page.Body, "section", "reading-guide");
        chapter.SetAttribute("epub:type", "appendix");
        page.Append(chapter, "h1", text: Title);
        page.Append(chapter, "p", "chapter-intro",
            $"Questions for reading groups and classes on {reader.Essay.Info.Author}’s essay, section by section, each with the passage it is about and hints for whoever leads the discussion.");

        foreach (var (section, questions) in GuideModel.Groups(reader))
        {
            var part = page.Append(chapter, "section", "guide-section");
            page.Append(part, "h2", text: section.Title ?? "Opening").Id = ReadingGuide.SectionIdPrefix + section.Id;
            var list = page.Append(part, "ol", "guide-questions");
            foreach (var placed in questions)
            {
                Entry(page, list, placed);
            }
        }

        // Hints are written for the site's guide page: their xrefs and media resolve from there.
        links.Rewrite(page.Body, ReadingGuide.Path, File);
        return page;
    }

    private void Entry(XhtmlPage page, IElement list, PlacedQuestion placed)
    {
        var question = placed.Question;
        var item = page.Append(list, "li", "guide-question");
        item.Id = question.ElementId;
        var text = page.Append(item, "p", "guide-question-text", question.Text);
        if (GuideModel.LevelName(question) is { Length: > 0 } level)
        {
            page.AppendText(text, " ");
            page.Append(text, "span", "guide-level", "(" + level + ")");
        }

        if (placed.AboutSection)
        {
            page.Append(page.Append(item, "p", "guide-passage"), "a", text: "About the whole section")
                .SetAttribute("href", BookLinks.ToEssay(placed.BlockId, File));
        }
        else
        {
            var quote = page.Append(page.Append(item, "blockquote", "guide-quote"), "p");
            page.Append(quote, "a", text: question.Quote).SetAttribute("href", BookLinks.ToEssay(placed.BlockId, File));
            if (reader.ParagraphNumber(placed.BlockId) is > 0 and var number)
            {
                page.Append(item, "p", "guide-passage", $"¶ {number.ToString(CultureInfo.InvariantCulture)} of the essay");
            }
        }

        if (question.HintsHtml.Length > 0)
        {
            page.Append(item, "p", "guide-hints-title", "Hints for the discussion");
            item.AppendChild(page.Fragment(question.HintsHtml, "div", "guide-hints-body"));
        }

        EntryParts.Sources(page, item, question.Sources.Select(s => (s.Title, s.Url)));
        EntryParts.Byline(page, item, question.Author, question.Created);
    }
}

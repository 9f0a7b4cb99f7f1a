using Marginalia.Extensions;

namespace Marginalia.Editions.Epub;

/// <summary>
/// The EPUB 3 navigation document: the table of contents (the essay and its sections, then the kinds' chapters) that
/// reading systems show as the book's contents, and landmarks that let them jump to the start (and to a chapter that
/// names its landmark).
/// </summary>
internal static class NavigationDocument
{
    public const string Title = "Contents";

    internal static XhtmlPage Create(ReaderResult reader, IReadOnlySet<string> essayIds, IReadOnlyList<BookChapter> chapters)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(essayIds);
        ArgumentNullException.ThrowIfNull(chapters);
        var info = reader.Essay.Info;
        var page = new XhtmlPage(Title, info.Language);

        var toc = page.Append(page.Body, "nav", "toc");
        toc.Id = Contributions.PageIds.BookToc;
        toc.SetAttribute("epub:type", "toc");
        page.Append(toc, "h1", text: Title);
        var list = page.Append(toc, "ol");
        var essay = page.Append(list, "li");
        page.Append(essay, "a", text: info.Title).SetAttribute("href", BookLinks.EssayFile);
        var sections = reader.Essay.Sections.Where(s => essayIds.Contains(s.Id)).ToList();
        if (sections.Count > 0)
        {
            var sub = page.Append(essay, "ol");
            foreach (var section in sections)
            {
                page.Append(page.Append(sub, "li"), "a", text: section.Title ?? "Opening")
                    .SetAttribute("href", BookLinks.ToEssay(section.Id, BookLinks.NavFile));
            }
        }

        foreach (var chapter in chapters)
        {
            page.Append(page.Append(list, "li"), "a", text: chapter.Title).SetAttribute("href", chapter.File);
        }

        // Landmarks are for the reading system's "go to start" and the like, not for reading: hidden from the page.
        // No landmark points at this document's own contents: it is not in the spine, and a link to a file outside
        // the spine is an error (RSC-011).
        var landmarks = page.Append(page.Body, "nav");
        landmarks.SetAttribute("epub:type", "landmarks");
        landmarks.SetAttribute("hidden", "hidden");
        page.Append(landmarks, "h2", text: "Landmarks");
        var marks = page.Append(landmarks, "ol");
        Landmark(page, marks, "bodymatter", BookLinks.EssayFile, info.Title);
        foreach (var chapter in chapters)
        {
            if (chapter.Landmark is { } type)
            {
                Landmark(page, marks, type, chapter.File, chapter.Title);
            }
        }

        return page;
    }

    private static void Landmark(XhtmlPage page, AngleSharp.Dom.IElement list, string type, string href, string text)
    {
        var link = page.Append(page.Append(list, "li"), "a", text: text);
        link.SetAttribute("epub:type", type);
        link.SetAttribute("href", href);
    }
}

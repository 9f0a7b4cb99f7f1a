using AngleSharp.Dom;
using Marginalia.Contributions;
using Marginalia.Extensions;
using Marginalia.Markup;

namespace Marginalia.Editions.Epub;

/// <summary>
/// The essay as the book's main content document: the woven essay (the model, which holds none of the web page's
/// permalinks, "Add a note" links or script hooks), with its note markers made EPUB noterefs and each section's notes
/// placed after it as footnotes.
/// </summary>
internal static class EssayChapter
{
    /// <param name="kinds">Whose footnotes the chapter places, in this order.</param>
    /// <param name="site">This edition's settings: the "How to cite" at the head of the chapter cites its reader page.</param>
    internal static XhtmlPage Create(ReaderResult reader, BookLinks links, IEnumerable<IBookContributor> kinds, Content.SiteSettings site)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(kinds);
        var info = reader.Essay.Info;
        var page = new XhtmlPage(info.Title, info.Language);
        page.Body.SetAttribute("epub:type", "bodymatter");

        // The footnotes (at scale thousands of notes, each parsed and built) are made in a page of their own on another
        // core while this one copies the essay; the chapter is the book's longest part, and the book often the last
        // thing a build runs. (Parallel.Invoke runs on this thread whatever no other thread has taken.)
        List<Footnote> footnotes = [];
        IElement? essay = null;
        Parallel.Invoke(
            () => footnotes = Footnotes(new XhtmlPage(info.Title, info.Language), reader, links, kinds),
            () => essay = Essay(page, reader, links, site));
        PlaceFootnotes(page, reader, essay!, footnotes);
        return page;
    }

    /// <summary>The header and the essay, their links made the book's; returns the essay's element.</summary>
    private static IElement Essay(XhtmlPage page, ReaderResult reader, BookLinks links, Content.SiteSettings site)
    {
        var info = reader.Essay.Info;
        var article = page.Append(page.Body, "article", "essay");
        article.SetAttribute("epub:type", "chapter");
        Header(page, article, info);
        article.QuerySelector("header")!.AppendChild(HowToCite.Create(page, reader.Essay, site));

        var essay = page.Adopt(reader.Woven.Copy().Root, "div", "essay-body");
        article.AppendChild(essay);
        foreach (var marker in essay.QuerySelectorAll("a." + WeaveMarkup.MarkerClass))
        {
            marker.SetAttribute("epub:type", "noteref");
        }

        links.Rewrite(page.Body, SitePaths.Reader, BookLinks.EssayFile);
        return essay;
    }

    /// <summary>Every kind's footnotes, in its order, made in <paramref name="scratch"/> with their links made the book's.</summary>
    private static List<Footnote> Footnotes(XhtmlPage scratch, ReaderResult reader, BookLinks links, IEnumerable<IBookContributor> kinds)
    {
        // A list of a class, not of the pairs the kinds give: ReadyToRun has no precompiled list builder for a pair
        // (a value type), and compiled seven methods for one at every start.
        var footnotes = new List<Footnote>();
        foreach (var (blockId, footnote) in kinds.SelectMany(k => k.Footnotes(scratch, reader)))
        {
            links.Rewrite(footnote, SitePaths.Reader, BookLinks.EssayFile);
            footnotes.Add(new Footnote(blockId, footnote));
        }

        return footnotes;
    }

    /// <summary>A footnote and the block of the essay it is on.</summary>
    private sealed record Footnote(string BlockId, IElement Element);

    private static void Header(XhtmlPage page, IElement article, Content.EssayInfo info)
    {
        var header = page.Append(article, "header", "essay-header");
        page.Append(header, "h1", "essay-title", info.Title).Id = Contributions.PageIds.BookEssayTitle;
        if (info.TitleIsEditorial)
        {
            page.Append(header, "p", "title-note", "The original gives no title; this one is the editors’.");
        }

        page.Append(header, "p", "byline", "By " + info.Author);
        var provenance = (info.Publisher, info.RepublishedBy) switch
        {
            ({ } first, { } again) => $"First published by {first}; republished by {again}.",
            ({ } first, null) => $"First published by {first}.",
            (null, { } again) => $"Republished by {again}.",
            _ => null,
        };
        if (provenance is not null)
        {
            page.Append(header, "p", "provenance", provenance);
        }
    }

    /// <summary>
    /// Each footnote (a note, as the notes' kind makes it) goes after the section it is in: near enough that a reader
    /// without pop-ups finds it, and in the same document as its marker, which EPUB footnotes need.
    /// </summary>
    private static void PlaceFootnotes(XhtmlPage page, ReaderResult reader, IElement essay, List<Footnote> footnotes)
    {
        var sections = essay.QuerySelectorAll("section[id]").ToDictionary(s => s.Id!, StringComparer.Ordinal);
        foreach (var (blockId, footnote) in footnotes)
        {
            var section = sections.GetValueOrDefault(reader.SectionOf(blockId).Id) ?? essay;
            section.AppendChild(page.Take(footnote));
        }
    }
}

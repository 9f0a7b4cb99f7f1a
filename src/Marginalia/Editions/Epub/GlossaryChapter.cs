using System.Globalization;
using Marginalia.Glossary;
using Marginalia.Reader;

namespace Marginalia.Editions.Epub;

/// <summary>
/// The glossary as a chapter: every term alphabetically, as the site's glossary page orders them, each with its
/// short definition, its entry, its sources and the paragraphs that use it. The essay's term links land here.
/// </summary>
public static class GlossaryChapter
{
    public const string Title = "Glossary";

    public static XhtmlPage Create(ReaderResult reader, BookLinks links)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(links);
        var page = new XhtmlPage(Title, reader.Essay.Info.Language);
        page.Body.SetAttribute("epub:type", "backmatter");
        var section = page.Append(page.Body, "section", "glossary");
        section.SetAttribute("epub:type", "glossary");
        page.Append(section, "h1", text: Title).Id = Contributions.PageIds.BookGlossaryTitle;
        page.Append(section, "p", "chapter-intro", $"The terms {reader.Essay.Info.Author}’s essay uses, defined: institutions, technical words and policy terms.");

        var list = page.Append(section, "dl", "glossary-list");
        var order = StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace);
        foreach (var use in reader.Terms.OrderBy(t => t.Term.Term, order).ThenBy(t => t.Term.Id, StringComparer.Ordinal))
        {
            var term = use.Term;
            var dt = page.Append(list, "dt", "glossary-term");
            dt.Id = BookLinks.TermId(term.Id);
            dt.SetAttribute("epub:type", "glossterm");
            page.Append(dt, "dfn", text: term.Term);
            if (!term.Aliases.IsDefaultOrEmpty)
            {
                page.Append(dt, "span", "glossary-aliases", " (also " + string.Join(", ", term.Aliases) + ")");
            }

            var dd = page.Append(list, "dd", "glossary-definition");
            dd.SetAttribute("epub:type", "glossdef");
            page.Append(dd, "p", "glossary-short", term.Definition);
            dd.AppendChild(page.Fragment(term.BodyHtml, "div", "glossary-body"));
            EntryParts.Sources(page, dd, term.Sources);
            EntryParts.Paragraphs(page, dd, reader, use.ParagraphIds, "In the essay", BookLinks.GlossaryFile);
            EntryParts.Byline(page, dd, term.Author, term.Created);
        }

        links.Rewrite(page.Body, ReaderPipeline.GlossaryPage, BookLinks.GlossaryFile);
        return page;
    }
}

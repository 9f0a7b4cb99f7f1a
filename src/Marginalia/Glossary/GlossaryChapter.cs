using Marginalia.Contributions;
using Marginalia.Editions.Epub;
using Marginalia.Extensions;

namespace Marginalia.Glossary;

/// <summary>
/// The glossary as a chapter: every term alphabetically, as the site's glossary page orders them, each with its
/// short definition, its entry, its sources and the paragraphs that use it. The essay's term links, and any link to the
/// site's glossary page, land here.
/// </summary>
internal sealed class GlossaryChapter(ReaderResult reader) : BookChapter
{
    public const string FileName = "glossary.xhtml";

    private readonly HashSet<string> _terms = [.. reader.Terms.Select(t => t.Term.Id)];

    public override string Id => "glossary";

    public override string File => FileName;

    public override string Title => "Glossary";

    public override string Summary => "a glossary";

    public override string? Landmark => "glossary";

    /// <summary>A term's element in the chapter.</summary>
    public static string TermId(string id) => PageIds.BookTerm + id;

    /// <summary>The site's glossary page: its top, or a term's entry on it when the book has that term.</summary>
    public override string? Target(string path, string fragment) =>
        path is not ("glossary/" or "glossary/index.html") ? null
        : fragment.Length == 0 ? string.Empty
        : _terms.Contains(fragment) ? TermId(fragment)
        : null;

    public override XhtmlPage Write(BookLinks links)
    {
        ArgumentNullException.ThrowIfNull(links);
        var page = new XhtmlPage(Title, reader.Essay.Info.Language);
        page.Body.SetAttribute("epub:type", "backmatter");
        var section = page.Append(page.Body, "section", "glossary");
        section.SetAttribute("epub:type", "glossary");
        page.Append(section, "h1", text: Title).Id = PageIds.BookGlossaryTitle;
        page.Append(section, "p", "chapter-intro", $"The terms {reader.Essay.Info.Author}’s essay uses, defined: institutions, technical words and policy terms.");

        var list = page.Append(section, "dl", "glossary-list");
        var order = Text.ReaderOrder.IgnoringCaseAndAccents;
        foreach (var use in reader.Terms.OrderBy(t => t.Term.Term, order).ThenBy(t => t.Term.Id, StringComparer.Ordinal))
        {
            var term = use.Term;
            var dt = page.Append(list, "dt", "glossary-term");
            dt.Id = TermId(term.Id);
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
            EntryParts.Sources(page, dd, term.Sources.Select(s => (s.Title, s.Url)));
            EntryParts.Paragraphs(page, dd, reader, use.ParagraphIds, "In the essay", File);
            EntryParts.Byline(page, dd, term.Author, term.Created);
        }

        links.Rewrite(page.Body, SitePaths.Glossary, File);
        return page;
    }
}

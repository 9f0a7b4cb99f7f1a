using AngleSharp.Dom;
using Marginalia.Citations;
using Marginalia.Content;

namespace Marginalia.Editions.Epub;

/// <summary>
/// The book's "How to cite": the essay in each style (<see cref="CitationStyles"/>), pointing at this edition's reader
/// page, at the front of the essay's chapter. A book has no today, so where a style gives an access date the reader is
/// asked to write theirs: "[date of access]".
/// </summary>
internal static class HowToCite
{
    public const string Id = Contributions.PageIds.BookHowToCite;

    public const string AccessedPlaceholder = "[date of access]";

    public static IElement Create(XhtmlPage page, Essay essay, SiteSettings site)
    {
        ArgumentNullException.ThrowIfNull(page);
        var work = CitedWork.Of(essay, site);
        var section = page.Element("section", Id);
        section.Id = Id;
        section.SetAttribute("aria-labelledby", Contributions.PageIds.BookHowToCiteTitle);
        page.Append(section, "h2", "how-to-cite-title", "How to cite").Id = Contributions.PageIds.BookHowToCiteTitle;
        foreach (var style in CitationStyles.All)
        {
            var citation = CitationFormatter.Format(style, work, site.BaseUrl.AbsoluteUri, AccessedPlaceholder);
            var entry = page.Fragment(citation.Html, "p", "citation");
            var name = page.Element("span", "citation-style", style.Name + ": ");
            entry.InsertBefore(name, entry.FirstChild);
            section.AppendChild(entry);
        }

        return section;
    }
}

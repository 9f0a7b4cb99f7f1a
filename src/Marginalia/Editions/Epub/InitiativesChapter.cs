using System.Globalization;
using Marginalia.Initiatives;
using Marginalia.Reader;

namespace Marginalia.Editions.Epub;

/// <summary>
/// The initiatives the essay names, as one chapter (the site gives each its own page; a book reads better with one
/// section each): what it is, where, since when, its entry, its sources and where the essay mentions it.
/// </summary>
public static class InitiativesChapter
{
    public const string Title = "Initiatives";

    public static XhtmlPage Create(ReaderResult reader, BookLinks links)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(links);
        var page = new XhtmlPage(Title, reader.Essay.Info.Language);
        page.Body.SetAttribute("epub:type", "backmatter");
        var chapter = page.Append(page.Body, "section", "initiatives");
        chapter.SetAttribute("epub:type", "appendix");
        page.Append(chapter, "h1", text: Title).Id = Contributions.PageIds.BookInitiativesTitle;
        page.Append(chapter, "p", "chapter-intro", $"The real programmes, hubs and coalitions {reader.Essay.Info.Author}’s essay names.");

        foreach (var use in reader.Initiatives.OrderBy(u => u.Initiative.Name, StringComparer.OrdinalIgnoreCase).ThenBy(u => u.Initiative.Id, StringComparer.Ordinal))
        {
            var initiative = use.Initiative;
            var section = page.Append(chapter, "section", "initiative");
            section.Id = BookLinks.InitiativeId(initiative.Id);
            page.Append(section, "h2", text: initiative.Name);

            var facts = new[] { initiative.Kind, initiative.Region, initiative.Started is { } year ? "since " + year.ToString(CultureInfo.InvariantCulture) : null }
                .Where(f => !string.IsNullOrWhiteSpace(f)).ToList();
            if (facts.Count > 0)
            {
                page.Append(section, "p", "initiative-facts", string.Join(" · ", facts));
            }

            page.Append(section, "p", "initiative-summary", initiative.Summary);
            var body = page.Fragment(initiative.BodyHtml, "div", "initiative-body");
            HeadingLevels.Shift(page, body, 1); // the body's h2 (under the site page's h1) goes under this section's h2
            section.AppendChild(body);
            if (initiative.Url is { } url)
            {
                var website = page.Append(section, "p", "initiative-website", "Website: ");
                page.Append(website, "a", text: url.Host).SetAttribute("href", url.AbsoluteUri);
            }

            EntryParts.Sources(page, section, initiative.Sources);
            EntryParts.Paragraphs(page, section, reader, use.Mentions.Select(m => m.BlockId), "Mentioned in", BookLinks.InitiativesFile);
            EntryParts.Byline(page, section, initiative.Author, initiative.Created);
        }

        // Bodies hold only absolute links and xrefs (the sanitiser lets nothing else through), which resolve alike
        // from any one page of the site.
        links.Rewrite(page.Body, "initiatives/index.html", BookLinks.InitiativesFile);
        return page;
    }
}

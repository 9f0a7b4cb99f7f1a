using System.Globalization;
using Marginalia.Contributions;
using Marginalia.Editions.Epub;
using Marginalia.Extensions;

namespace Marginalia.Initiatives;

/// <summary>
/// The initiatives the essay names, as one chapter (the site gives each its own page; a book reads better with one
/// section each): what it is, where, since when, its entry, its sources and where the essay mentions it. Links to the
/// site's initiatives index, and to the page of an initiative the book has, land here.
/// </summary>
internal sealed class InitiativesChapter(ReaderResult reader) : BookChapter
{
    public const string FileName = "initiatives.xhtml";

    private readonly HashSet<string> _initiatives = [.. reader.Initiatives.Select(i => i.Initiative.Id)];

    public override string Id => "initiatives";

    public override string File => FileName;

    public override string Title => "Initiatives";

    public override string Summary => "the initiatives it names";

    /// <summary>An initiative's section in the chapter.</summary>
    public static string InitiativeId(string id) => PageIds.BookInitiative + id;

    /// <summary>The site's index of initiatives (the chapter's top, whatever the fragment), or the page of an initiative the book has.</summary>
    public override string? Target(string path, string fragment)
    {
        if (path is "initiatives/" or "initiatives/index.html")
        {
            return string.Empty;
        }

        var parts = path.Split('/');
        return parts.Length == 3 && parts[0] == "initiatives" && parts[2] is "" or "index.html" && _initiatives.Contains(parts[1])
            ? InitiativeId(parts[1])
            : null;
    }

    public override XhtmlPage Write(BookLinks links)
    {
        ArgumentNullException.ThrowIfNull(links);
        var page = new XhtmlPage(Title, reader.Essay.Info.Language);
        page.Body.SetAttribute("epub:type", "backmatter");
        var chapter = page.Append(page.Body, "section", "initiatives");
        chapter.SetAttribute("epub:type", "appendix");
        page.Append(chapter, "h1", text: Title).Id = PageIds.BookInitiativesTitle;
        page.Append(chapter, "p", "chapter-intro", $"The real programmes, hubs and coalitions {reader.Essay.Info.Author}’s essay names.");

        foreach (var use in reader.Initiatives.OrderBy(u => u.Initiative.Name, StringComparer.OrdinalIgnoreCase).ThenBy(u => u.Initiative.Id, StringComparer.Ordinal))
        {
            var initiative = use.Initiative;
            var section = page.Append(chapter, "section", "initiative");
            section.Id = InitiativeId(initiative.Id);
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

            EntryParts.Sources(page, section, initiative.Sources.Select(s => (s.Title, s.Url)));
            EntryParts.Paragraphs(page, section, reader, use.Mentions.Select(m => m.BlockId), "Mentioned in", File);
            EntryParts.Byline(page, section, initiative.Author, initiative.Created);
        }

        // Bodies hold only absolute links and xrefs (the sanitiser lets nothing else through), which resolve alike
        // from any one page of the site.
        links.Rewrite(page.Body, "initiatives/index.html", File);
        return page;
    }
}

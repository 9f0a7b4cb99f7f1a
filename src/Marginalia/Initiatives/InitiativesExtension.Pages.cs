using Marginalia.Contributions;
using Marginalia.Extensions;
using Marginalia.Theme;

namespace Marginalia.Initiatives;

/// <summary>
/// The initiatives' pages: one page each (initiatives/&lt;id&gt;/index.html), the index by region
/// (initiatives/index.html), the reader's preview cards and the about page's count.
/// </summary>
internal sealed partial class InitiativesExtension
{
    /// <summary>One initiative's page's layout.</summary>
    public const string InitiativeLayout = "initiative";

    /// <summary>The index's layout.</summary>
    public const string IndexLayout = "initiatives";

    public int CreditOrder => 2;

    public IEnumerable<PageSpec> Pages(PageSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        foreach (var use in site.Reader.Initiatives)
        {
            yield return new PageSpec(InitiativeLayout, use.Initiative.PagePath, use.Initiative.Name, use.Initiative.Summary, Root: "../../", CanonicalPath: $"initiatives/{use.Initiative.Id}/");
        }

        yield return new PageSpec(IndexLayout, "initiatives/index.html", "Initiatives", $"The real programmes, hubs and coalitions {site.Author}’s essay names, with where it mentions them.", Root: "../", CanonicalPath: "initiatives/");
    }

    public void Fill(PageSpec page, PageSite site, PageModel model)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(model);
        var reader = site.Reader;
        switch (page.Layout)
        {
            case CoreLayouts.Reader:
                model.Set("initiative_cards", InitiativeModel.Cards(reader));
                break;
            case CoreLayouts.About:
                model.Set("initiative_count", reader.Initiatives.Length);
                break;
            case IndexLayout:
                model.Set("regions", InitiativeModel.ByRegion(reader));
                break;
            case InitiativeLayout:
                var use = reader.Initiatives.First(u => u.Initiative.PagePath == page.Destination);
                model.Set("initiative", InitiativeModel.Page(use, reader, page.Destination));
                break;
        }
    }

    public IEnumerable<Citation> Citations(ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.Initiatives.SelectMany(i => i.Initiative.Sources.Select(s => new Citation(s, $"Initiative: {i.Initiative.Name}", i.Initiative.PagePath)));
    }

    public CreditedWork? Work(ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new("Initiative pages", "initiative pages", [.. reader.Initiatives.Select(i => new CreditedPiece(i.Initiative.Author, i.Initiative.Name, i.Initiative.PagePath))]);
    }

    public IEnumerable<OwnedId> ElementIds(ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.Initiatives.Select(i => new OwnedId(IdOwner.Initiative, i.Initiative.Id, i.Initiative.SourcePath));
    }

    /// <summary>
    /// Cards: the reader shows them on its mentions, and the initiative pages use the cards' look. The pages' own
    /// styles (initiatives.css) are theirs alone, so the reader's first load does not carry them.
    /// </summary>
    public IEnumerable<string> Stylesheets(PageSpec page) => page?.Layout switch
    {
        CoreLayouts.Reader => ["cards.css"],
        InitiativeLayout or IndexLayout => ["cards.css", "initiatives.css"],
        _ => [],
    };

    /// <summary>The reader's mention cards.</summary>
    public IEnumerable<string> Scripts(PageSpec page) => page?.Layout == CoreLayouts.Reader ? ["cards.js"] : [];

    public IEnumerable<NavLink> Nav(PageSite site) => [new("Initiatives", "initiatives/index.html", 20, [IndexLayout, InitiativeLayout])];

    public void RegisterModels(LayoutModels models)
    {
        ArgumentNullException.ThrowIfNull(models);
        models.Register<InitiativeView>();
        models.Register<MentionView>();
        models.Register<NoteOnInitiativeView>();
        models.Register<RegionView>();
    }
}

using Marginalia.Theme;

namespace Marginalia.Extensions;

/// <summary>
/// What a kind adds to the site's pages: its own pages (the notes page, the glossary, one page per initiative, ...),
/// its part of the core pages' models (the reader's notes, tips and cards; the about page's counts), what its pieces
/// cite (the sources page) and who wrote them (the contributors and about pages). The pages pipeline renders the core
/// pages and whatever the registered kinds contribute, and names no kind.
/// </summary>
// Every member defaults to nothing, as IBookContributor's do: a kind with nothing on the pages (the author's
// footnotes, discussion questions until their reading guide) needs no file for this side.
internal interface IPageContributor
{
    /// <summary>
    /// Where this kind's pieces come in the lists that gather every kind's (the sources a page cites, a contributor's
    /// work): lower first. Notes 0, glossary 1, initiatives 2, the order the edition has always listed them in.
    /// </summary>
    int CreditOrder => int.MaxValue;

    /// <summary>The kind's own pages, each with the layout that renders it. Called for the sitemap too, so cheap: models are built in <see cref="Fill"/>.</summary>
    IEnumerable<PageSpec> Pages(PageSite site) => [];

    /// <summary>
    /// Adds the kind's variables to a page's model: all of them for its own pages, its part for a core page
    /// (<see cref="CoreLayouts"/>), nothing for another kind's page. Values are built per page, only for pages that show them.
    /// </summary>
    void Fill(PageSpec page, PageSite site, PageModel model)
    {
    }

    /// <summary>The sources the kind's pieces cite, each with the piece that cites it, for the sources page.</summary>
    IEnumerable<Citation> Citations(ReaderResult reader) => [];

    /// <summary>The kind's pieces credited to their authors (none for a kind without authors), for the contributors and about pages.</summary>
    CreditedWork? Work(ReaderResult reader) => null;

    /// <summary>
    /// The ids of the kind's pieces that the pages turn into element ids ("note-" + id, ...), with their files, so that
    /// one whose element id could equal one the pages use for their own elements is refused (MG0615).
    /// </summary>
    IEnumerable<OwnedId> ElementIds(ReaderResult reader) => [];

    /// <summary>The kind's links in the site's navigation (none for a kind without a page of its own).</summary>
    IEnumerable<NavLink> Nav(PageSite site) => [];

    /// <summary>
    /// The theme's stylesheets (names in theme/assets/) a page needs for this kind, in the order they load; the page
    /// links them after site.css, kind by kind in registry order.
    /// </summary>
    IEnumerable<string> Stylesheets(PageSpec page) => [];

    /// <summary>
    /// The theme's scripts a page needs for this kind, in the order they run, after the site's own
    /// (<see cref="PageAssets.SiteScripts"/>) and the shared popover (<see cref="PageAssets.SharedScripts"/>) that every
    /// kind's script may use.
    /// </summary>
    IEnumerable<string> Scripts(PageSpec page) => [];

    /// <summary>
    /// The theme's scripts this kind's tools need on the reader only once a reader starts to use them (a selection in
    /// the essay, a Cite button), in the order they run: not in the first load, they come joined as one file
    /// (<see cref="PageAssets.Tools"/>) that marginalia.js loads on first use. They may define what the kind's other
    /// scripts call, so those must check it is there.
    /// </summary>
    IEnumerable<string> ScriptsOnFirstUse(PageSpec page) => [];

    /// <summary>Registers the model types the kind's variables hold, so layouts can read their members.</summary>
    void RegisterModels(LayoutModels models)
    {
    }
}

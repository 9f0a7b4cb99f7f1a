using Marginalia.Extensions;
using Marginalia.Glossary;
using Marginalia.Initiatives;
using Marginalia.Reader;
using Marginalia.Theme;

namespace Marginalia.Tests.Extensions;

/// <summary>
/// Which scripts a page loads: the site's own on every page (the namespace, then the reader settings), the shared
/// popover only on the reader where a kind has scripts, each kind's after those, and the reader's own last.
/// </summary>
public class PageAssetsTests
{
    private static readonly PageSpec Reader = new(CoreLayouts.Reader, "index.html", "Essay", "The essay.", "", "");

    private static readonly PageSpec About = new(CoreLayouts.About, "about/index.html", "About", "About.", "../", "about/");

    [Fact]
    public void A_page_no_kind_adds_to_loads_the_namespace_and_the_settings_only()
    {
        Assert.Equal(["marginalia.js", "settings.js"], PageAssets.Scripts(About, [new Kind(["notes.js"], CoreLayouts.Reader)]));
        Assert.Equal(["marginalia.js", "settings.js"], PageAssets.Scripts(About, []));
    }

    [Fact]
    public void A_kinds_scripts_come_after_the_sites_and_the_popovers_once_each_and_the_readers_own_last()
    {
        var scripts = PageAssets.Scripts(Reader, [new Kind(["notes.js", "shared.js"], CoreLayouts.Reader), new Kind(["terms.js", "shared.js"], CoreLayouts.Reader)]);

        Assert.Equal(["marginalia.js", "settings.js", "popover.js", "popover-aim.js", "notes.js", "shared.js", "terms.js", "cite-button.js", "resume.js"], scripts);
    }

    [Fact]
    public void Another_page_a_kind_gives_a_script_to_loads_it_without_the_popovers()
    {
        // The notes page has the filter by kind, and no popover to show
        var notes = new PageSpec("notes", "notes/index.html", "Notes", "Notes.", "../", "notes/");

        Assert.Equal(["marginalia.js", "settings.js", "notes-filter.js"], PageAssets.Scripts(notes, [new Kind(["notes-filter.js"], "notes")]));
    }

    [Fact]
    public void The_reader_loads_Cite_and_where_the_reader_left_off_last_even_with_no_kind()
    {
        Assert.Equal(["marginalia.js", "settings.js", "cite-button.js", "resume.js"], PageAssets.Scripts(Reader, []));
    }

    [Fact]
    public void The_readers_tools_load_on_first_use_the_kinds_then_Cites_and_only_on_the_reader()
    {
        var kinds = new IPageContributor[] { new Kind(["notes.js"], CoreLayouts.Reader, ["text.js", "dialog.js"]) };

        Assert.Equal(["text.js", "dialog.js", "cite-fragment.js", "cite.js"], PageAssets.Tools(Reader, kinds));
        Assert.DoesNotContain("text.js", PageAssets.Scripts(Reader, kinds));
        Assert.Empty(PageAssets.Tools(About, kinds));
        Assert.Equal(["text.js", "dialog.js", "cite-fragment.js", "cite.js"], PageAssets.Bundles(kinds).Single(b => b.Name == PageAssets.ToolsBundle).Parts.ToList());
    }

    [Fact]
    public void The_readers_stylesheets_and_scripts_are_bundled_site_css_first_and_the_scripts_in_the_order_they_run()
    {
        var kinds = new IPageContributor[] { new Kind(["notes.js"], CoreLayouts.Reader) };

        var bundles = PageAssets.Bundles(kinds);

        Assert.Equal(["reader.bundle.css", "reader.bundle.js", "reader-tools.bundle.js"], bundles.Select(b => b.Name));
        Assert.Equal(["site.css"], bundles[0].Parts.ToList());
        Assert.Equal(PageAssets.Scripts(Reader, kinds), bundles[1].Parts.ToList());
    }

    [Fact]
    public void The_reader_loads_no_stylesheet_that_only_the_glossary_or_the_initiative_pages_use()
    {
        // Given the kinds the site registers
        var kinds = ReaderExtensions.All.OfType<IPageContributor>().ToList();
        PageSpec Page(string layout) => new(layout, "x/index.html", "X", "X.", "../", "x/");

        // Then the reader's bundle has the cards and the prompts, and the pages' own styles stay on their pages
        Assert.Equal(["site.css", "cards.css", "questions.css"], PageAssets.Bundles(kinds)[0].Parts.ToList());
        Assert.Equal(["glossary.css"], PageAssets.Stylesheets(Page(TermsExtension.GlossaryLayout), kinds));
        Assert.Equal(["cards.css", "initiatives.css"], PageAssets.Stylesheets(Page(InitiativesExtension.InitiativeLayout), kinds));
        Assert.Equal(["cards.css", "initiatives.css"], PageAssets.Stylesheets(Page(InitiativesExtension.IndexLayout), kinds));
        Assert.Empty(PageAssets.Stylesheets(About, kinds));
    }

    /// <summary>A kind with scripts on one layout's pages.</summary>
    private sealed class Kind(string[] scripts, string layout, string[]? tools = null) : IPageContributor
    {
        public IEnumerable<string> Scripts(PageSpec page) => page.Layout == layout ? scripts : [];

        public IEnumerable<string> ScriptsOnFirstUse(PageSpec page) => page.Layout == layout ? tools ?? [] : [];
    }
}

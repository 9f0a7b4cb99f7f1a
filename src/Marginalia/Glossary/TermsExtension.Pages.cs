using Marginalia.Contributions;
using Marginalia.Extensions;
using Marginalia.Theme;

namespace Marginalia.Glossary;

/// <summary>The glossary's pages: the glossary (glossary/index.html), the reader's term tips, the about page's count.</summary>
internal sealed partial class TermsExtension
{
    /// <summary>The glossary page's layout.</summary>
    public const string GlossaryLayout = "glossary";

    public int CreditOrder => 1;

    public IEnumerable<PageSpec> Pages(PageSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        yield return new PageSpec(GlossaryLayout, SitePaths.Glossary, "Glossary", $"The terms {site.Author}’s essay uses, defined: institutions, technical words and policy terms.", Root: "../", CanonicalPath: "glossary/");
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
                model.Set("term_tips", TermModel.Tips(reader));
                break;
            case CoreLayouts.About:
                model.Set("term_count", reader.Terms.Length);
                break;
            case GlossaryLayout:
                model.Set("glossary", TermModel.Groups(reader, page.Destination));
                model.Set("glossary_letters", TermModel.Letters(reader));
                break;
        }
    }

    public IEnumerable<Citation> Citations(ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.Terms.SelectMany(t => t.Term.Sources.Select(s => new Citation(s, $"Glossary: {t.Term.Term}", Target(t))));
    }

    public CreditedWork? Work(ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new("Glossary entries", "glossary entries", [.. reader.Terms.Select(t => new CreditedPiece(t.Term.Author, t.Term.Term, Target(t)))]);
    }

    public IEnumerable<OwnedId> ElementIds(ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.Terms.Select(t => new OwnedId(IdOwner.Term, t.Term.Id, t.Term.SourcePath));
    }

    /// <summary>The glossary page's own styles, apart from site.css so the reader's first load does not carry them.</summary>
    public IEnumerable<string> Stylesheets(PageSpec page) => page?.Layout == GlossaryLayout ? ["glossary.css"] : [];

    /// <summary>The reader's term tooltips and toggletips.</summary>
    public IEnumerable<string> Scripts(PageSpec page) => page?.Layout == CoreLayouts.Reader ? ["terms.js"] : [];

    public IEnumerable<NavLink> Nav(PageSite site) => [new("Glossary", SitePaths.Glossary, 30, [GlossaryLayout])];

    public void RegisterModels(LayoutModels models)
    {
        ArgumentNullException.ThrowIfNull(models);
        models.Register<TermTipView>();
        models.Register<TermGroupView>();
        models.Register<TermEntryView>();
        models.Register<ParagraphRefView>();
        models.Register<LetterView>();
    }

    private static string Target(TermUse use) => $"{SitePaths.Glossary}#{use.Term.Id}";
}

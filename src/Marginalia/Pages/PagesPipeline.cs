using System.Collections.Immutable;
using Marginalia.Citations;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Extensions;
using Marginalia.Pipeline;
using Marginalia.Reader;
using Marginalia.Theme;

namespace Marginalia.Pages;

/// <summary>
/// Renders the site's pages through the theme's layouts: the core pages (the reader, sources, contributors, about,
/// 404), and the pages each registered kind contributes (<see cref="IPageContributor"/>). It names no kind: each adds
/// its own pages and its part of the core pages' models.
/// </summary>
internal sealed class PagesPipeline : BuildPipeline
{
    public const string PipelineName = "Pages";

    public PagesPipeline()
        : base(PipelineName, ReaderPipeline.PipelineName, LayoutsPipeline.PipelineName, AssetsPipeline.PipelineName)
    {
        ProcessModules.Add(new RenderPagesModule());
    }

    /// <summary>The pages of the site, given its settings and essay: the kinds' own pages, then the core pages.</summary>
    public static IReadOnlyList<PageSpec> Specs(SiteSettings site, ReaderResult reader) => Specs(new PageSite(site, reader, null), ReaderExtensions.All);

    internal static IReadOnlyList<PageSpec> Specs(PageSite site, IEnumerable<IPageContributor> kinds)
    {
        ArgumentNullException.ThrowIfNull(site);
        return [.. kinds.SelectMany(k => k.Pages(site)), .. CorePages(site).Select(p => p.Spec)];
    }

    /// <summary>The pages that are no kind's, each with the variables its layout needs beyond every page's.</summary>
    private static IEnumerable<CorePage> CorePages(PageSite site)
    {
        var reader = site.Reader;
        yield return new(new PageSpec(CoreLayouts.Reader, SitePaths.Reader, reader.Essay.Info.Title, site.Settings.Description, Root: string.Empty, CanonicalPath: string.Empty),
            (model, _) =>
            {
                model.Set("json_ld", ArticleJsonLd.Write(reader.Essay.Info, site.Settings));
                var work = CitedWork.Of(reader.Essay, site.Settings);
                model.Set("citation_meta", HighwireTags.Of(work, site.Settings.BaseUrl));
                model.Set("cite_data", CiteData.Write(work, site.Settings.BaseUrl));
            });
        yield return new(new PageSpec(CoreLayouts.Sources, "sources/index.html", "Sources", "Every source cited in this edition, once each, with the notes, glossary entries and initiative pages that cite it.", Root: "../", CanonicalPath: "sources/"),
            (model, kinds) => model.Set("sources", SourcesModel.Sources(reader, "sources/index.html", kinds)));
        yield return new(new PageSpec(CoreLayouts.Contributors, "contributors/index.html", "Contributors", "Everyone who wrote this edition's notes, glossary entries and initiative pages, with what each wrote.", Root: "../", CanonicalPath: "contributors/"),
            (model, kinds) => model.Set("contributors", SourcesModel.Contributors(reader, "contributors/index.html", kinds)));
        yield return new(new PageSpec(CoreLayouts.About, "about/index.html", "About this edition", $"What this annotated edition of {site.Author}’s essay is, who wrote it and where it was first published.", Root: "../", CanonicalPath: "about/"),
            (model, kinds) => model.Set("contributors", SourcesModel.Contributors(reader, "about/index.html", kinds)));
        yield return new(new PageSpec(CoreLayouts.Search, "search/index.html", "Search", $"Search {site.Author}’s essay, its notes, the glossary, the initiatives and the reading guide.", Root: "../", CanonicalPath: "search/"),
            (_, _) => { });
        yield return new(new PageSpec(CoreLayouts.NotFound, "404.html", "Page not found", "There is no page at this address.", Root: site.Settings.BasePath, CanonicalPath: "404.html"),
            (_, _) => { });
    }

    /// <summary>The site's navigation as one page shows it: the essay, each kind's links, then about, by their order.</summary>
    private static NavLinkView[] Navigation(PageSpec page, PageSite site, IEnumerable<IPageContributor> kinds) =>
        [.. new[] { new NavLink("The essay", SitePaths.Reader, 0, [CoreLayouts.Reader]), new NavLink("About", "about/index.html", 100, [CoreLayouts.About]) }
            .Concat(kinds.SelectMany(k => k.Nav(site)))
            .OrderBy(link => link.Order)
            .Select(link => new NavLinkView(link.Label, link.Path, link.Layouts.Contains(page.Layout)))];

    /// <summary>A core page and what it adds to the variables every page has.</summary>
    private sealed record CorePage(PageSpec Spec, Action<PageModel, IReadOnlyList<IPageContributor>> Fill);

    /// <summary>A renderer whose layouts see the core models and every registered kind's.</summary>
    internal static PageRenderer Renderer(IReadOnlyDictionary<string, ParsedLayout> layouts, IEnumerable<IPageContributor> kinds) =>
        new(layouts, models =>
        {
            models.Register<EssayView>();
            models.Register<CorrectionView>();
            models.Register<SectionView>();
            models.Register<SourceEntryView>();
            models.Register<ContributorView>();
            models.Register<ContributorWorkView>();
            models.Register<NavLinkView>();
            models.Register<MetaTag>();
            foreach (var kind in kinds)
            {
                kind.RegisterModels(models);
            }
        });

    /// <summary>Every page's variables: those every page has, the core page's own, then each kind's part.</summary>
    private static PageModel Model(PageSpec spec, Action<PageModel, IReadOnlyList<IPageContributor>>? core, PageSite site, IReadOnlyDictionary<string, string> assets, IReadOnlyList<IPageContributor> kinds)
    {
        var reader = site.Reader;
        var model = new PageModel();
        model.Set("site", SiteView.Of(site.Settings, reader.Essay.Info));
        model.Set("essay", EssayView.Of(reader));
        model.Set("assets", assets);
        var bundles = PageAssets.Bundles(kinds);
        model.Set("page_styles", AssetBundle.Replace([PageAssets.SiteStylesheet, .. PageAssets.Stylesheets(spec, kinds)], bundles, assets));
        model.Set("page_scripts", AssetBundle.Replace(PageAssets.Scripts(spec, kinds), bundles, assets));
        model.Set("page", PageView.Of(spec, site.Settings));
        model.Set("nav", Navigation(spec, site, kinds));
        model.Set("root", spec.Root);
        model.Set("json_ld", null); // base.liquid asks {% if json_ld %}: only the reader has structured data
        model.Set("citation_meta", null); // nor Highwire citation tags
        core?.Invoke(model, kinds);

        // Each kind adds what the page shows of it: bodies are resolved per page, so building unused ones is waste.
        foreach (var kind in kinds)
        {
            kind.Fill(spec, site, model);
        }

        return model;
    }

    private sealed class RenderPagesModule : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
        {
            var reader = context.FirstOutput(ReaderPipeline.PipelineName, ReaderKeys.Result);
            if (reader is null || !context.Build.Settings.TryGet(ContentKeys.Site, out var settings))
            {
                return Task.FromResult(ImmutableArray<Document>.Empty); // what is missing has been reported where it is missing
            }

            var layoutDocuments = context.OutputsOf(LayoutsPipeline.PipelineName);
            var layouts = layoutDocuments.ToDictionary(d => d.Get(ThemeKeys.LayoutName), d => new ParsedLayout(d.Get(ThemeKeys.Template), d.Source!, d.Content), StringComparer.Ordinal);
            ReservedIds.Report(PageIds.FromLayouts(layoutDocuments.Select(d => d.Content)), reader, context.Diagnostics, ReaderExtensions.All);
            var kinds = ReaderExtensions.All;
            var renderer = Renderer(layouts, kinds);
            var assets = AssetsPipeline.Map(context.OutputsOf(AssetsPipeline.PipelineName)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
            var site = new PageSite(settings, reader, settings.Repository is { } repo ? new RepositoryLinks(repo, settings.Branch) : null);
            var core = CorePages(site).ToDictionary(p => p.Spec.Destination, p => p.Fill, StringComparer.Ordinal);
            var specs = Specs(site, kinds);
            var pages = new Document?[specs.Count];
            // The preview's pages pass: a page no browser shows is the last clean build's, remade by the pass after.
            var kept = context.Build.Shown is { } shown && context.Build.Cache is { } cache
                ? LastOutputs.ByDestination(cache, PipelineName)?.Where(p => !shown.Contains(p.Key)).ToDictionary(StringComparer.Ordinal)
                : null;
            Parallel.For(0, specs.Count, i =>
            {
                var spec = specs[i];
                if (kept is not null && kept.TryGetValue(spec.Destination, out var last))
                {
                    pages[i] = last;
                    return;
                }

                pages[i] = renderer.RenderDocument(spec.Layout, Model(spec, core.GetValueOrDefault(spec.Destination), site, assets, kinds), context.Diagnostics,
                    layouts.GetValueOrDefault(spec.Layout)?.Path, spec.Destination, Engine.SpillSize);
            });
            return Task.FromResult(pages.OfType<Document>().ToImmutableArray());
        }
    }
}

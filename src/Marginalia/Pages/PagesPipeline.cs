using System.Collections.Immutable;
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
public sealed class PagesPipeline : Pipeline.Pipeline
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
        var essay = site.Reader.Essay;
        return
        [
            .. kinds.SelectMany(k => k.Pages(site)),
            new PageSpec(CoreLayouts.Reader, ReaderPipeline.ReaderPath, essay.Info.Title, site.Settings.Description, Root: string.Empty, CanonicalPath: string.Empty),
            new PageSpec(CoreLayouts.Sources, "sources/index.html", "Sources", "Every source cited in this edition, once each, with the notes, glossary entries and initiative pages that cite it.", Root: "../", CanonicalPath: "sources/"),
            new PageSpec(CoreLayouts.Contributors, "contributors/index.html", "Contributors", "Everyone who wrote this edition's notes, glossary entries and initiative pages, with what each wrote.", Root: "../", CanonicalPath: "contributors/"),
            new PageSpec(CoreLayouts.About, "about/index.html", "About this edition", $"What this annotated edition of {site.Author}’s essay is, who wrote it and where it was first published.", Root: "../", CanonicalPath: "about/"),
            new PageSpec(CoreLayouts.NotFound, "404.html", "Page not found", "There is no page at this address.", Root: site.Settings.BasePath, CanonicalPath: "404.html"),
        ];
    }

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
            foreach (var kind in kinds)
            {
                kind.RegisterModels(models);
            }
        });

    /// <summary>Every page's variables: the core ones, the core page's own, then each kind's part.</summary>
    internal static PageModel Model(PageSpec spec, PageSite site, IReadOnlyDictionary<string, string> assets, IReadOnlyList<IPageContributor> kinds)
    {
        var reader = site.Reader;
        var model = new PageModel();
        model.Set("site", SiteView.Of(site.Settings, reader.Essay.Info));
        model.Set("essay", EssayView.Of(reader));
        model.Set("assets", assets);
        model.Set("page", PageView.Of(spec, site.Settings));
        model.Set("root", spec.Root);
        model.Set("json_ld", spec.Layout == CoreLayouts.Reader ? Discovery.ArticleJsonLd.Write(reader.Essay.Info, site.Settings) : null);
        switch (spec.Layout)
        {
            case CoreLayouts.Sources:
                model.Set("sources", SourcesModel.Sources(reader, spec.Destination, kinds));
                break;
            case CoreLayouts.Contributors:
                model.Set("contributors", SourcesModel.Contributors(reader, spec.Destination, kinds));
                break;
            case CoreLayouts.About:
                model.Set("contributors", SourcesModel.Contributors(reader, kinds: kinds));
                break;
        }

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
            ReservedIds.Report(PageIds.FromLayouts(layoutDocuments.Select(d => d.Content)), reader, context.Diagnostics);
            var kinds = ReaderExtensions.All;
            var renderer = Renderer(layouts, kinds);
            var assets = AssetsPipeline.Map(context.OutputsOf(AssetsPipeline.PipelineName)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
            var site = new PageSite(settings, reader, settings.Repository is { } repo ? new RepositoryLinks(repo, settings.Branch) : null);
            var specs = Specs(site, kinds);
            var pages = new Document?[specs.Count];
            Parallel.For(0, specs.Count, i =>
            {
                var spec = specs[i];
                var html = renderer.Render(spec.Layout, Model(spec, site, assets, kinds), context.Diagnostics);
                pages[i] = html is null ? null : new Document(layouts.GetValueOrDefault(spec.Layout)?.Path, spec.Destination, html);
            });
            return Task.FromResult(pages.OfType<Document>().ToImmutableArray());
        }
    }
}

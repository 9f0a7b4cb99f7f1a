using System.Collections.Immutable;
using Marginalia.Annotations;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Glossary;
using Marginalia.Initiatives;
using Marginalia.Pipeline;
using Marginalia.Reader;
using Marginalia.Theme;

namespace Marginalia.Pages;

/// <summary>Renders the site's pages through the theme's layouts: the reader (the essay), about, and 404.</summary>
public sealed class PagesPipeline : Pipeline.Pipeline
{
    public const string PipelineName = "Pages";

    public PagesPipeline()
        : base(PipelineName, ReaderPipeline.PipelineName, LayoutsPipeline.PipelineName, AssetsPipeline.PipelineName)
    {
        ProcessModules.Add(new RenderPagesModule());
    }

    /// <summary>The pages of the site, given its settings and essay.</summary>
    public static IReadOnlyList<PageSpec> Specs(SiteSettings site, ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(reader);
        var essay = reader.Essay;
        var author = essay.Info.Author;
        return
        [
            .. reader.Initiatives.Select(u => new PageSpec("initiative", u.Initiative.PagePath, u.Initiative.Name, u.Initiative.Summary, Root: "../../",
                CanonicalPath: $"initiatives/{u.Initiative.Id}/") { Initiative = u }),
            new PageSpec("reader", "index.html", essay.Info.Title, site.Description, Root: string.Empty, CanonicalPath: string.Empty),
            new PageSpec("notes", "notes/index.html", "Notes on the essay", $"Every note on {author}’s essay, by section, with the passage it is about.", Root: "../", CanonicalPath: "notes/"),
            new PageSpec("initiatives", "initiatives/index.html", "Initiatives", $"The real programmes, hubs and coalitions {author}’s essay names, with where it mentions them.", Root: "../", CanonicalPath: "initiatives/"),
            new PageSpec("glossary", "glossary/index.html", "Glossary", $"The terms {author}’s essay uses, defined: institutions, technical words and policy terms.", Root: "../", CanonicalPath: "glossary/"),
            new PageSpec("sources", "sources/index.html", "Sources", "Every source cited in this edition, once each, with the notes, glossary entries and initiative pages that cite it.", Root: "../", CanonicalPath: "sources/"),
            new PageSpec("contributors", "contributors/index.html", "Contributors", "Everyone who wrote this edition's notes, glossary entries and initiative pages, with what each wrote.", Root: "../", CanonicalPath: "contributors/"),
            new PageSpec("about", "about/index.html", "About this edition", $"What this annotated edition of {author}’s essay is, who wrote it and where it was first published.", Root: "../", CanonicalPath: "about/"),
            new PageSpec("404", "404.html", "Page not found", "There is no page at this address.", Root: site.BasePath, CanonicalPath: "404.html"),
        ];
    }

    private sealed class RenderPagesModule : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
        {
            var reader = context.FirstOutput(ReaderPipeline.PipelineName, ReaderKeys.Result);
            if (reader is null || !context.Build.Settings.TryGet(ContentKeys.Site, out var site))
            {
                return Task.FromResult(ImmutableArray<Document>.Empty); // what is missing has been reported where it is missing
            }

            var layouts = context.OutputsOf(LayoutsPipeline.PipelineName)
                .ToDictionary(d => d.Get(ThemeKeys.LayoutName), d => (d.Get(ThemeKeys.Template), d.Source!), StringComparer.Ordinal);
            ReservedIds.Report(PageIds.FromLayouts(context.OutputsOf(LayoutsPipeline.PipelineName).Select(d => d.Content)), reader, context.Diagnostics);
            var renderer = new PageRenderer(layouts);
            var assets = AssetsPipeline.Map(context.OutputsOf(AssetsPipeline.PipelineName));
            var essay = reader.Essay;
            var shared = new Dictionary<string, object>
            {
                ["site"] = LayoutModel.Site(site, essay.Info),
                ["essay"] = LayoutModel.Essay(reader),
                ["assets"] = assets.ToDictionary(a => a.Key, a => (object)a.Value, StringComparer.Ordinal),
            };

            var specs = Specs(site, reader);
            var repository = site.Repository is { } repo ? new Contributions.RepositoryLinks(repo, site.Branch) : null;
            var pages = new Document?[specs.Count];
            Parallel.For(0, specs.Count, i =>
            {
                var spec = specs[i];
                var model = new Dictionary<string, object>(shared)
                {
                    ["page"] = LayoutModel.Page(spec, site),
                    ["root"] = spec.Root,
                    ["note_count"] = reader.Notes.Length,
                };

                // Each page gets the models it shows: bodies are resolved per page, so building unused ones is waste.
                switch (spec.Layout)
                {
                    case "reader":
                        model["json_ld"] = Discovery.ArticleJsonLd.Write(reader.Essay.Info, site);
                        model["notes"] = reader.Notes.Select(n => (object)NoteModel.Create(n, reader, spec.Destination, repository)).ToList();
                        model["term_tips"] = TermModel.Tips(reader);
                        model["initiative_cards"] = InitiativeModel.Cards(reader);
                        break;
                    case "initiative":
                        model["initiative"] = InitiativeModel.Page(spec.Initiative!, reader, spec.Destination);
                        break;
                    case "initiatives":
                        model["regions"] = InitiativeModel.ByRegion(reader);
                        break;
                    case "contributors":
                        model["contributors"] = SourcesModel.Contributors(reader, spec.Destination);
                        break;
                    case "sources":
                        model["sources"] = SourcesModel.Sources(reader, spec.Destination);
                        break;
                    case "about":
                        model["contributors"] = SourcesModel.Contributors(reader);
                        model["term_count"] = reader.Terms.Length;
                        model["initiative_count"] = reader.Initiatives.Length;
                        break;
                    case "notes":
                        model["notes"] = reader.Notes.Select(n => (object)NoteModel.Create(n, reader, spec.Destination)).ToList();
                        model["note_sections"] = NoteModel.BySection(reader, spec.Destination);
                        model["unanchored"] = reader.Unanchored.Select(n => (object)NoteModel.Unanchored(n, reader, spec.Destination)).ToList();
                        break;
                    case "glossary":
                        model["glossary"] = TermModel.Groups(reader, spec.Destination);
                        model["glossary_letters"] = TermModel.Letters(reader);
                        break;
                }

                var html = renderer.Render(spec.Layout, model, context.Diagnostics);
                pages[i] = html is null ? null : new Document(layouts.GetValueOrDefault(spec.Layout).Item2, spec.Destination, html);
            });
            return Task.FromResult(pages.OfType<Document>().ToImmutableArray());
        }
    }
}

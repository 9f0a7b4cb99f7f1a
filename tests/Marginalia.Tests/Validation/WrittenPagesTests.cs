using System.Collections.Concurrent;
using System.Collections.Immutable;
using Marginalia.Benchmarks.Corpus;
using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Output;
using Marginalia.Pipeline;
using Marginalia.Site;
using Marginalia.Tests.Support;
using Marginalia.Validation;

namespace Marginalia.Tests.Validation;

/// <summary>
/// The one place the written pages are parsed again: the link check trusts each page's anchors as it was rendered
/// (<see cref="HtmlAnchors.Key"/>), so here every HTML file a full build wrote is read back with AngleSharp and its ids
/// and links must be the model's, in order; every id unique and every link and fragment resolving. The model and the
/// real output cannot drift apart unnoticed.
/// </summary>
public sealed class WrittenPagesTests
{
    [Fact]
    public async Task Every_page_of_the_repositorys_site_has_the_anchors_it_was_rendered_with_unique_ids_and_links_that_resolve()
    {
        using var site = TempSite.CopyOfRepository();

        var pages = await AssertWrittenPagesMatchTheModelAsync(site);

        Assert.Contains(pages, p => p.StartsWith("downloads/", StringComparison.Ordinal));
        Assert.Contains("index.html", pages);
        Assert.Contains("reading-guide/index.html", pages);
    }

    [Fact]
    public async Task Every_page_of_a_small_scale_corpus_has_the_anchors_it_was_rendered_with_unique_ids_and_links_that_resolve()
    {
        // The scale corpus's shape (xrefs between notes, terms and initiatives, every kind's pages) at a tenth of 1×
        using var site = TempSite.Empty();
        ScaleCorpus.Generate(words: 5_000, notes: 200, terms: 50, initiatives: 20).WriteTo(site.PathOf("input"));
        TempSite.CopyFolder(RepoPaths.Theme, site.PathOf("theme"));

        var pages = await AssertWrittenPagesMatchTheModelAsync(site);

        Assert.True(pages.Count > 20, $"{pages.Count} pages");
    }

    private static async Task<List<string>> AssertWrittenPagesMatchTheModelAsync(TempSite site)
    {
        // Given a build whose output documents are kept as the link check saw them
        var seen = new ConcurrentBag<Document>();
        var pipelines = SitePipelines.Create();
        pipelines.Single(p => p.Name == OutputPipeline.PipelineName).PostProcessModules.Add(new Keep(seen));
        var result = await SiteBuilder.BuildAsync(new BuildOptions { WorkingDirectory = site.Root }, pipelines, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));

        // When every written HTML file is parsed
        var model = seen.Where(d => d.Destination!.EndsWith(".html", StringComparison.Ordinal)).ToDictionary(d => d.Destination!, StringComparer.Ordinal);
        var written = site.Snapshot();
        var pages = written.Keys.Where(k => k.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.Equal(pages.Order(StringComparer.Ordinal), model.Keys.Order(StringComparer.Ordinal));
        foreach (var page in pages)
        {
            var html = System.Text.Encoding.UTF8.GetString(written[page]);
            var parsed = HtmlAnchors.OfDocument(HtmlFragment.ParseDocument(html));

            // Then its ids and links are the ones it was rendered with, in order, and no id is given twice
            var anchors = model[page].Metadata.Get(HtmlAnchors.Key);
            Assert.True(parsed.Ids.SequenceEqual(anchors.Ids), $"{page}: ids differ from the model's at {Differs(parsed.Ids, anchors.Ids)}");
            Assert.True(parsed.Links.SequenceEqual(anchors.Links), $"{page}: links differ from the model's at {Differs(parsed.Links, anchors.Links)}");
            Assert.Empty(DuplicateIds.In(anchors.Ids));
            Assert.Empty(DuplicateIds.In(parsed.Ids));
            Assert.NotEmpty(parsed.Links);
        }

        // And every link and fragment of the written pages, as parsed, resolves
        var diagnostics = new DiagnosticBag();
        var documents = written.Select(f => new Document(null, f.Key, f.Key.EndsWith(".html", StringComparison.Ordinal) ? System.Text.Encoding.UTF8.GetString(f.Value) : string.Empty)).ToList();
        LinkValidator.Validate(documents, "/", diagnostics);
        Assert.Empty(diagnostics.Sorted());
        return pages;
    }

    private static string Differs(IReadOnlyList<string> parsed, IReadOnlyList<string> model)
    {
        var i = 0;
        while (i < parsed.Count && i < model.Count && parsed[i] == model[i])
        {
            i++;
        }

        return $"#{i}: written '{(i < parsed.Count ? parsed[i] : "(end)")}', model '{(i < model.Count ? model[i] : "(end)")}'";
    }

    private sealed class Keep(ConcurrentBag<Document> seen) : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
        {
            foreach (var document in inputs)
            {
                seen.Add(document);
            }

            return Task.FromResult(inputs);
        }
    }
}

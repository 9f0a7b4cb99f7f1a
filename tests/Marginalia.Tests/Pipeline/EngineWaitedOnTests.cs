using Marginalia.Pipeline;
using Marginalia.Site;

namespace Marginalia.Tests.Pipeline;

/// <summary>
/// When a core frees, the pipeline more of the build waits on processes first: the engine counts, for each, the
/// pipelines that wait on its output directly or through others.
/// </summary>
public class EngineWaitedOnTests
{
    private sealed class Named(string name, params string[] dependencies) : BuildPipeline(name, dependencies);

    [Fact]
    public void Each_pipeline_counts_those_that_wait_on_it_directly_or_through_others_once_each()
    {
        // Given a diamond: B and C read A, D reads B and C; E reads nothing
        var counts = Engine.WaitedOn([new Named("A"), new Named("B", "A"), new Named("C", "A"), new Named("D", "B", "C"), new Named("E")]);

        // Then A has three waiting on it (B, C and, through both, D once), B and C one, D and E none
        Assert.Equal(3, counts["A"]);
        Assert.Equal(1, counts["B"]);
        Assert.Equal(1, counts["C"]);
        Assert.Equal(0, counts["D"]);
        Assert.Equal(0, counts["E"]);
    }

    [Fact]
    public void On_the_site_the_search_index_and_the_pages_come_before_the_book()
    {
        // The single-file edition waits on the pages and the search index; only the offline manifest waits on the book.
        var counts = Engine.WaitedOn([.. SitePipelines.Create()]);

        Assert.True(counts[Marginalia.Search.SearchPipeline.PipelineName] > counts[Marginalia.Editions.Epub.EpubPipeline.PipelineName],
            string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}")));
        Assert.True(counts[Marginalia.Pages.PagesPipeline.PipelineName] > counts[Marginalia.Editions.Epub.EpubPipeline.PipelineName]);
    }
}

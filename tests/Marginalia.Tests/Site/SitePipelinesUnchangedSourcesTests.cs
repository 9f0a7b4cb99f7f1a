using Marginalia.Pipeline;
using Marginalia.Site;

namespace Marginalia.Tests.Site;

/// <summary>SitePipelines.UnchangedSources: what the preview's pages pass may carry besides the editions.</summary>
public class SitePipelinesUnchangedSourcesTests
{
    private static readonly BuildRoots Roots = BuildRoots.From("input", "theme", "output", "/work/site");

    [Fact]
    public void A_saved_note_leaves_the_essay_the_theme_and_every_other_contribution_folder_carried()
    {
        var carried = SitePipelines.UnchangedSources(["input/annotations/bhashini-project.md"], Roots);

        Assert.Equal(["Assets", "Essay", "Glossary", "Initiatives", "Layouts", "Questions"], carried.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void The_essay_and_a_term_saved_together_are_both_read_again()
    {
        var carried = SitePipelines.UnchangedSources(["input/essay.md", "input/glossary/wto.md"], Roots);

        Assert.Equal(["Annotations", "Assets", "Initiatives", "Layouts", "Questions"], carried.Order(StringComparer.Ordinal).ToList());
    }

    [Theory]
    [InlineData("input/site.yml")]
    [InlineData("input/media/chart.png")]
    [InlineData("input/essay.md.bak")]
    [InlineData("input/annotations-old/x.md")]
    [InlineData("theme/theme.yml")]
    public void A_change_no_source_accounts_for_carries_nothing(string path)
    {
        // A settings file, an image, or a look-alike of a source's name may touch anything: everything is read again
        Assert.Empty(SitePipelines.UnchangedSources(["input/annotations/a.md", path], Roots));
    }

    [Fact]
    public void A_removed_folder_counts_as_its_sources_change_and_no_change_carries_nothing()
    {
        Assert.DoesNotContain("Glossary", SitePipelines.UnchangedSources(["input/glossary"], Roots));
        Assert.Contains("Layouts", SitePipelines.UnchangedSources(["input/glossary"], Roots));
        Assert.Empty(SitePipelines.UnchangedSources([], Roots));
    }
}

using Marginalia.Questions;
using Marginalia.Tests.Editions.Epub;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Questions;

/// <summary>The reading guide follows the questions there are: one section for questions in one section, nothing for none.</summary>
public sealed class ReadingGuideSiteTests : IDisposable
{
    private readonly TempSite _site = TempSite.CopyOfRepository();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Questions_in_one_section_give_a_guide_of_one_section()
    {
        // Given only the questions on the opening section
        foreach (var file in Directory.GetFiles(_site.PathOf("input/questions"), "*.md")
            .Where(f => Path.GetFileName(f) is not ("globalisation-promise-and-inequality.md" or "cohesion-without-treaties.md")))
        {
            File.Delete(file);
        }

        // When the site is built
        var result = await _site.BuildAsync();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));

        // Then the guide has that section alone, with both questions
        var guide = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(_site.Read("output/" + ReadingGuide.Path));
        var heading = Assert.Single(guide.QuerySelectorAll("section.guide-section h2"));
        Assert.Equal(("guide-s-opening", "Opening"), (heading.Id, heading.TextContent));
        Assert.Equal(["question-globalisation-promise-and-inequality", "question-cohesion-without-treaties"], guide.QuerySelectorAll("li.guide-question").Select(li => li.Id));
        Assert.StartsWith("2 questions for reading groups", guide.QuerySelector(".guide-intro")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_questions_there_is_no_guide_page_chapter_or_sitemap_entry()
    {
        // Given no questions at all
        Directory.Delete(_site.PathOf("input/questions"), recursive: true);

        // When the site is built
        var result = await _site.BuildAsync();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));

        // Then nothing of the guide is written or listed
        Assert.False(File.Exists(_site.PathOf("output/" + ReadingGuide.Path)));
        Assert.DoesNotContain("reading-guide", _site.Read("output/sitemap.xml"), StringComparison.Ordinal);
        Assert.DoesNotContain("reading-guide", _site.Read("output/sw.js"), StringComparison.Ordinal);
        using var book = System.IO.Compression.ZipFile.OpenRead(_site.PathOf("output/" + BuiltEpub.RelativePath));
        Assert.Null(book.GetEntry("EPUB/" + ReadingGuideChapter.FileName));
    }
}

using System.Text;
using Marginalia.Tests.Annotations.Export;
using Marginalia.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Marginalia.Tests.Publishing;

/// <summary>The export and the plain text as the real site publishes them, from the repository's own notes.</summary>
public class PublishingPipelineTests : IClassFixture<BuiltSite>
{
    private readonly BuiltSite _site;

    public PublishingPipelineTests(BuiltSite site) => _site = site;

    private JArray Items() => (JArray)ConformanceSuite.Parse(_site.Read("annotations.jsonld"))["first"]!["items"]!;

    [Fact]
    public void Every_position_selector_slices_essay_txt_to_exactly_its_quote_counting_code_points()
    {
        // Given the published plain text as code points (what the W3C model counts)
        var text = File.ReadAllText(Path.Combine(_site.OutputDir, "essay.txt"), Encoding.UTF8);
        var codePoints = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        var items = Items();

        // Then every annotation's position selector cuts out exactly its quote selector's text
        Assert.Equal(Directory.EnumerateFiles(Path.Combine(RepoPaths.Input, "annotations"), "*.md").Count(), items.Count);
        foreach (var item in items)
        {
            var selectors = (JArray)item["target"]!["selector"]!;
            var quote = selectors.Single(s => (string)s["type"]! == "TextQuoteSelector");
            var position = selectors.Single(s => (string)s["type"]! == "TextPositionSelector");
            var slice = string.Concat(codePoints[(int)position["start"]!..(int)position["end"]!]);
            Assert.Equal((string)quote["exact"]!, slice);
        }
    }

    [SkippableFact]
    public async Task Every_published_annotation_passes_every_must_schema()
    {
        ConformanceSuite.RequireOrSkip();
        var musts = await ConformanceSuite.LoadAsync(ConformanceSuite.AnnotationMusts);

        Assert.All(Items(), item => Assert.True(musts.Failures(item).Count == 0, $"{item["id"]}:\n{musts.Explain(item)}"));
    }

    [Fact]
    public void Annotations_point_at_the_published_text_and_the_reader_by_absolute_urls()
    {
        var item = Items().Single(i => (string)i["id"]! == "https://marginalia.netlify.app/#note-datasets-language-skew");

        Assert.Equal("assessing", (string)item["motivation"]!);
        Assert.Equal("https://marginalia.netlify.app/essay.txt", (string)item["target"]!["source"]!);
        Assert.Equal("https://marginalia.netlify.app/", (string)item["target"]!["scope"]!);
        Assert.Equal("2026-11-27T00:00:00Z", (string)item["created"]!);
    }
}

using Marginalia.Tests.Support;

namespace Marginalia.Tests.Content;

public class MediaUseTests
{
    [Fact]
    public async Task An_image_shown_only_by_a_discussion_questions_hints_is_used_and_published()
    {
        // Given an image that only a question's hints show (the media check once asked notes, terms and initiatives by name)
        using var site = TempSite.CopyOfRepository();
        var image = TestImages.Png();
        site.WriteBytes("input/media/commons-map.png", image);
        site.Edit("input/questions/ai-as-a-commons.md", "Groups can test the idea", "![A map of shared resources](media/commons-map.png)\n\nGroups can test the idea");

        // When the site is built
        var result = await site.BuildAsync();

        // Then nothing calls it unused, and it is published as it is
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code.Id == "MG0119");
        Assert.Equal(image, File.ReadAllBytes(site.PathOf("output/media/commons-map.png")));
    }

    [Fact]
    public async Task An_image_nothing_shows_is_still_reported_at_its_file()
    {
        // Given an image no body shows
        using var site = TempSite.CopyOfRepository();
        site.WriteBytes("input/media/spare.png", TestImages.Png());

        // When the site is built
        var result = await site.BuildAsync();

        // Then it is MG0119 at the file, naming every kind that could have shown it
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("MG0119 input/media/spare.png:1:1", $"{error.Code.Id} {error.Location}");
        Assert.StartsWith("no note, glossary entry, initiative, question or the essay shows this image", error.Message, StringComparison.Ordinal);
    }
}

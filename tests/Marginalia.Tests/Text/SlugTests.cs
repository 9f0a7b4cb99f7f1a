using Marginalia.Text;

namespace Marginalia.Tests.Text;

public class SlugTests
{
    [Theory]
    [InlineData("Even more alarmingly, previous geopolitical frictions", 4, "even-more-alarmingly-previous")]
    [InlineData("AI’s emergence as a border-agnostic force", 4, "ais-emergence-as-a")]
    [InlineData("Several countries now maintain AI attachés", null, "several-countries-now-maintain-ai-attaches")]
    [InlineData("Addressing the Faultlines: Bias, Access, and Ethics", null, "addressing-the-faultlines-bias-access-and-ethics")]
    [InlineData("— “intelligent multilateralism.”", null, "intelligent-multilateralism")]
    [InlineData("🌍 ✨", null, "")]
    public void Slugs_are_lowercase_ascii_words_joined_by_single_hyphens(string text, int? words, string expected)
    {
        Assert.Equal(expected, Slug.FromWords(text, words));
    }

    [Fact]
    public void Repeated_ids_get_numbered_suffixes_in_order()
    {
        var ids = new UniqueIds();

        Assert.Equal(["p-but", "p-but-2", "p-but-3", "p-other"], ((string[])["p-but", "p-but", "p-but", "p-other"]).Select(ids.Claim).ToArray());
    }
}

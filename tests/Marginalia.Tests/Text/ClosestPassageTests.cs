using Marginalia.Text;

namespace Marginalia.Tests.Text;

public class ClosestPassageTests
{
    [Fact]
    public void The_passage_with_the_fewest_edits_is_found_anywhere_in_the_text()
    {
        const string text = "Several efforts point in the right direction. India's Bhashini project aims to develop AI.";

        var found = ClosestPassage.Find("Indias Bhasini project", text);

        Assert.NotNull(found);
        Assert.Equal("India's Bhashini project", text[found.Value.Start..found.Value.End]);
        Assert.Equal(2, found.Value.Distance);
    }

    [Fact]
    public void An_exact_passage_has_distance_zero()
    {
        var found = ClosestPassage.Find("right", "the right direction");

        Assert.Equal((4, 9, 0), found);
    }
}

using Marginalia.Diagnostics;

namespace Marginalia.Tests.Diagnostics;

public class SuggestionsTests
{
    [Theory]
    [InlineData("auther", "author")]
    [InlineData("titel", "title")]
    [InlineData("langauge", "language")]
    [InlineData("republished_by", "republished-by")]
    public void A_close_misspelling_suggests_the_known_name(string typed, string expected)
    {
        Assert.Equal(expected, Suggestions.Closest(typed, ["title", "author", "language", "publisher", "republished-by"]));
    }

    [Fact]
    public void A_name_far_from_every_candidate_suggests_nothing()
    {
        Assert.Null(Suggestions.Closest("colour", ["title", "author"]));
        Assert.Null(Suggestions.DidYouMean("colour", ["title", "author"]));
    }

    [Fact]
    public void Distance_counts_a_transposition_as_one_edit()
    {
        Assert.Equal(1, Suggestions.Distance("ab", "ba"));
        Assert.Equal(3, Suggestions.Distance("kitten", "sitting"));
    }
}

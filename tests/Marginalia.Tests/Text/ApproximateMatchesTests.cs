using Marginalia.Text;

namespace Marginalia.Tests.Text;

public class ApproximateMatchesTests
{
    [Fact]
    public void Every_place_within_the_bound_is_found_once_with_its_distance()
    {
        const string text = "the hub trains engineers; a hub trains enginers; the club drains engines";

        var found = ApproximateMatches.Find("hub trains engineers", text, maxEdits: 2);

        Assert.Equal([(4, 24, 0), (28, 47, 1)], found);
    }

    [Fact]
    public void Nothing_beyond_the_bound_is_a_candidate()
    {
        Assert.Empty(ApproximateMatches.Find("research hubs", "several efforts point in the right direction", maxEdits: 3));
    }

    [Fact]
    public void Distance_to_the_end_lets_the_text_start_anywhere_but_end_where_it_ends()
    {
        Assert.Equal(0, ApproximateMatches.ToEnd("in Southeast Asia", "Small entrepreneurs in Southeast Asia"));
        Assert.Equal(2, ApproximateMatches.ToEnd("in Southeast Asia", "Small entrepreneurs across Southeast Asia")); // "in" against "ss"
        Assert.Equal(3, ApproximateMatches.ToEnd("Asia", "Asia use AI")); // the match must reach the end of the text, so "use AI" costs edits
    }

    [Fact]
    public void Distance_to_the_start_is_the_mirror_image()
    {
        Assert.Equal(0, ApproximateMatches.ToStart("In refugee", "In refugee camps, AI-driven"));
        Assert.Equal(1, ApproximateMatches.ToStart("In refugee", "In refuge camps"));
    }
}

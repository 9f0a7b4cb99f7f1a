using Marginalia.Annotations.Reanchoring;
using Marginalia.Content;
using Marginalia.Tests.Support;
using Marginalia.Text;

namespace Marginalia.Tests.Annotations.Reanchoring;

/// <summary>
/// Re-anchoring's work is bounded whatever a note holds: a quote too short to place by likeness, a quote many passages
/// resemble, and a stage whose work budget is spent are each a reason in words rather than minutes of search; a
/// prefix or suffix longer than the limit is only compared by its part nearest the quote.
/// </summary>
public class ReanchorerBoundsTests
{
    private static TextIndex Index(string body) =>
        TextIndex.Build(HtmlFragment.Parse(NoteFixtures.Essay(body).Html), e => e.ClassList.Contains("permalink"));

    private static readonly TextIndex Repetitive = Index(string.Concat(Enumerable.Range(0, 40).Select(i => $"The hub {i} trains engineers in the region.\n\n")));

    // Sixty look-alike paragraphs: more than Reanchorer.MaxCandidates.
    private static readonly TextIndex Sixty = Index(string.Concat(Enumerable.Repeat("The hub trains engineers in the region.\n\n", 60)));

    [Theory]
    [InlineData("a")]
    [InlineData("ab")]
    [InlineData("the hub")]
    [InlineData("engineer")]
    [InlineData("“hub”—the")]
    public void A_quote_under_ten_characters_is_not_placed_by_likeness(string quote)
    {
        var note = NoteFixtures.Note("n", $"quote: \"{quote}\"\nprefix: \"{new string('x', FieldLimits.Phrase)}\"").Note;

        var (placed, reason) = Reanchorer.Place(Repetitive, note.Quote, note.Prefix, note.Suffix);

        Assert.Null(placed);
        Assert.Equal("the quote is too short to be placed again by likeness (fewer than 10 characters)", reason);
    }

    [Theory]
    [InlineData("the hub trained engineer")]
    [InlineData("trains engineers in the regions")]
    [InlineData("hub trains engineer")]
    public void A_quote_that_more_passages_resemble_than_can_be_scored_is_left_unplaced(string quote)
    {
        var note = NoteFixtures.Note("n", $"quote: \"{quote}\"").Note;

        var (placed, reason) = Reanchorer.Place(Sixty, note.Quote, note.Prefix, note.Suffix);

        Assert.Null(placed);
        Assert.Matches("^60 passages are within \\d+ edits of the quote, too many to choose from$", reason);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void When_the_stages_budget_is_spent_the_note_is_left_for_a_person_and_nothing_is_searched(long budget)
    {
        var note = NoteFixtures.Note("n", "quote: \"Hubs in Nairobi train engineer\"").Note;
        var work = new WorkBudget(budget);

        var (placed, reason) = Reanchorer.Place(Index("Hubs in Nairobi now train engineers for the region.\n"), note.Quote, note.Prefix, note.Suffix, work);

        Assert.Null(placed);
        Assert.StartsWith("the notes before it that needed placing again have spent this build's share of work for it", reason, StringComparison.Ordinal);
        Assert.Equal(budget, work.Remaining);
    }

    [Fact]
    public void A_placement_spends_the_quote_length_times_the_essay_length_from_the_budget()
    {
        var index = Index("Hubs in Nairobi now train engineers for the region.\n");
        var note = NoteFixtures.Note("n", "quote: \"Hubs in Nairobi train engineer\"").Note;
        var work = new WorkBudget(1_000_000);

        var (placed, _) = Reanchorer.Place(index, note.Quote, note.Prefix, note.Suffix, work);

        Assert.NotNull(placed);
        Assert.Equal(1_000_000 - ((long)Folding.FoldPhrase(note.Quote).Length * index.Folded.Length), work.Remaining);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5_000)]
    [InlineData(100_000)]
    public void A_prefix_longer_than_the_limit_is_compared_by_its_last_limit_characters_only(int extra)
    {
        // Given a note built in code (a file refuses such a prefix) whose prefix is padding, then the 200 characters before the quote
        var before = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"word{i}"));
        var index = Index($"First, the hub trains engineers.\n\n{before} the hub trains engineers.\n");
        var context = before[^FieldLimits.Phrase..];
        var exact = NoteFixtures.Note("n", $"quote: \"the hub trained engineers\"\nprefix: \"{context}\"").Note;
        var padded = exact with { Prefix = new string('z', extra) + context };

        // Then it is placed exactly as the note whose prefix is those 200 characters alone
        var expected = Reanchorer.Place(index, exact.Quote, exact.Prefix, exact.Suffix);
        var actual = Reanchorer.Place(index, padded.Quote, padded.Prefix, padded.Suffix);

        Assert.NotNull(expected.Placed);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void A_closest_passage_hint_without_budget_left_only_says_to_copy_the_passage(long budget)
    {
        var index = Index("Hubs in Nairobi now train engineers for the region.\n");

        Assert.Equal(ClosestPassage.Unsearched, ClosestPassage.Hint(index, "hubs in nairobi", new WorkBudget(budget)));
        Assert.StartsWith("the closest passage is in", ClosestPassage.Hint(index, "Hubs in Nairobi", new WorkBudget(10_000)), StringComparison.Ordinal);
    }
}

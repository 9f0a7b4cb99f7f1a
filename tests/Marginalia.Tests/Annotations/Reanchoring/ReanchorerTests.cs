using Marginalia.Annotations.Reanchoring;
using Marginalia.Content;
using Marginalia.Tests.Support;
using Marginalia.Text;

namespace Marginalia.Tests.Annotations.Reanchoring;

public class ReanchorerTests
{
    private static TextIndex Index(string body) =>
        TextIndex.Build(HtmlFragment.Parse(NoteFixtures.Essay(body).Html), e => e.ClassList.Contains("permalink"));

    [Fact]
    public void A_single_close_passage_is_placed_with_its_exact_text_in_whole_words()
    {
        var index = Index("Hubs in Nairobi now train engineers for the region.\n\nNothing else here.\n");
        var note = NoteFixtures.Note("n", "quote: \"Hubs in Nairobi train engineer\"").Note;

        var (placed, reason) = Reanchorer.Place(index, note.Quote, note.Prefix, note.Suffix);

        Assert.Null(reason);
        Assert.Equal("Hubs in Nairobi now train engineers", placed!.Quote);
        Assert.Null(placed.Prefix);
        Assert.Null(placed.Suffix);
    }

    [Fact]
    public void Two_equally_good_passages_with_nothing_to_tell_them_apart_are_not_guessed_between()
    {
        var index = Index("First, the hub trains engineers.\n\nLater, the hub trains engineers.\n");
        var note = NoteFixtures.Note("n", "quote: \"the hub trained engineers\"").Note;

        var (placed, reason) = Reanchorer.Place(index, note.Quote, note.Prefix, note.Suffix);

        Assert.Null(placed);
        Assert.Contains("fit about equally well", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_suffix_decides_between_equal_passages_and_the_new_selector_is_written()
    {
        var index = Index("First, the hub trains engineers in Kigali.\n\nLater, the hub trains engineers in Accra.\n");
        var note = NoteFixtures.Note("n", "quote: \"the hub trained engineers\"\nsuffix: \"in Acra\"").Note;

        var (placed, reason) = Reanchorer.Place(index, note.Quote, note.Prefix, note.Suffix);

        Assert.True(placed is not null, reason);
        Assert.Equal("the hub trains engineers", placed.Quote);
        Assert.StartsWith("p-later", placed.BlockId, StringComparison.Ordinal);
        Assert.Equal("Later,", placed.Prefix); // the shortest that decides, not the old suffix
        Assert.Null(placed.Suffix);
    }

    [Fact]
    public void A_passage_rewritten_beyond_the_bound_is_not_placed()
    {
        var index = Index("Several efforts point in the right direction.\n");
        var note = NoteFixtures.Note("n", "quote: \"African AI research hubs are being built\"").Note;

        var (placed, reason) = Reanchorer.Place(index, note.Quote, note.Prefix, note.Suffix);

        Assert.Null(placed);
        Assert.StartsWith("no passage is within 12 edits of the quote", reason, StringComparison.Ordinal);
    }
}

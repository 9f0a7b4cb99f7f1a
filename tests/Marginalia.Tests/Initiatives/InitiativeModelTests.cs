using Marginalia.Initiatives;
using static Marginalia.Tests.Support.NoteFixtures;

namespace Marginalia.Tests.Initiatives;

public class InitiativeModelTests
{
    [Fact]
    public void Notes_on_this_are_exactly_the_notes_whose_passages_overlap_a_mention()
    {
        // Given a mention, a note inside it, one overlapping its end, one touching it without overlap, one far away
        var essay = Essay("Before the Global Partnership on AI met in Paris. Elsewhere entirely.\n");
        var (result, diagnostics) = WeaveAll(essay,
            [Note("inside", "quote: \"Partnership\""), Note("over", "quote: \"on AI met\""), Note("touching", "quote: \"Before the\""), Note("far", "quote: \"Elsewhere\"")],
            [],
            [Initiative("gpai", "name: \"GPAI\"\nmentions: [\"Global Partnership on AI\"]")]);

        // When the initiative's notes are listed
        var notes = InitiativeModel.NotesOn(result.Initiatives.Single(), result).Select(n => n.Note.Id).ToList();

        // Then exactly the overlapping two, in reading order
        Assert.Empty(diagnostics);
        Assert.Equal(["inside", "over"], notes);
    }

    [Fact]
    public void Each_mention_is_listed_with_its_paragraph_number_and_an_excerpt()
    {
        var essay = Essay("First paragraph.\n\nHere the Global Partnership on AI is named, with a long tail of words after it that the excerpt should cut somewhere sensible near the end.\n");
        var (result, _) = WeaveAll(essay, [], [], [Initiative("gpai", "name: \"GPAI\"\nmentions: [\"Global Partnership on AI\"]")]);

        var page = InitiativeModel.Page(result.Initiatives.Single(), result, "initiatives/gpai/index.html");
        var mention = Assert.Single(page.Mentions);

        Assert.Equal(2, mention.Number);
        Assert.Equal("p-here-the-global-partnership", mention.Id);
        Assert.Equal("Here the Global Partnership on AI is named, with a long tail of words after it that the excerpt should cut somewhere sensible …", mention.Excerpt);
    }
}

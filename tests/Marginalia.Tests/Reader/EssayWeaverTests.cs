using Marginalia.Annotations;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Reader;

public class EssayWeaverTests
{
    [Theory]
    [InlineData("alpha beta gamma delta epsilon", "delta epsilon", "alpha beta gamma <mark class=\"note-mark\" data-notes=\"tail\">delta epsilon</mark><a class=\"note-ref\"")]
    [InlineData("alpha *beta gamma* delta", "gamma", "<em>beta <mark class=\"note-mark\" data-notes=\"tail\">gamma</mark></em><a class=\"note-ref\"")]
    public void A_quote_ending_where_its_text_node_ends_gets_its_marker(string paragraph, string quote, string expected)
    {
        // Found by QuoteAnchoringProperties: splitting the text node at the quote's start shortened it before its end
        // was read, so the last piece's span was wrong, no marker was placed and weaving threw KeyNotFoundException
        var essay = NoteFixtures.Essay(paragraph + "\n");

        var (result, diagnostics) = NoteFixtures.Weave(essay, NoteFixtures.Note("tail", $"quote: \"{quote}\"\n"));

        Assert.Empty(diagnostics);
        var note = Assert.Single(result.Notes);
        Assert.Equal(quote, note.Exact(result.Text));
        Assert.Equal(1, note.Number);
        Assert.Contains(expected, result.Html, StringComparison.Ordinal);
    }
}

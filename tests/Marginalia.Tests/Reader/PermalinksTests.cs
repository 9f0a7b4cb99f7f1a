using static Marginalia.Tests.Support.NoteFixtures;

namespace Marginalia.Tests.Reader;

public class PermalinksTests
{
    [Fact]
    public void Each_paragraph_carries_a_permalink_with_a_distinct_accessible_name()
    {
        // Given an essay of one paragraph, woven with no notes
        var (result, _) = Weave(Essay("Even more alarmingly, previous frictions.\n"));

        // Then the web page's essay ends the paragraph with a "¶" link to itself, named by the paragraph's first words
        Assert.Equal(
            "<section class=\"essay-section\" id=\"s-opening\"><p id=\"p-even-more-alarmingly-previous\">Even more alarmingly, previous frictions." +
            "<a class=\"permalink\" href=\"#p-even-more-alarmingly-previous\" aria-label=\"Link to paragraph: Even more alarmingly, previous…\">¶</a></p>\n</section>",
            result.Html);
    }

    [Fact]
    public void The_woven_model_that_the_book_renders_has_no_permalinks_or_script_hooks()
    {
        // Given an essay with a note on a passage
        var (result, _) = Weave(Essay("Even more alarmingly, previous frictions.\n"), Note("frictions", "quote: \"previous frictions\""));

        // Then the web page has the permalink and the note's script hooks, and the model neither
        Assert.Contains("class=\"permalink\"", result.Html, StringComparison.Ordinal);
        Assert.Contains("data-notes=\"frictions\"", result.Html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"note-ref\" id=\"ref-frictions\" href=\"#note-frictions\" role=\"doc-noteref\" aria-label=\"Note 1\">1</a>", result.Html, StringComparison.Ordinal);
        Assert.Equal(
            "<section class=\"essay-section\" id=\"s-opening\"><p id=\"p-even-more-alarmingly-previous\">Even more alarmingly, <mark class=\"note-mark\">previous frictions</mark>" +
            "<a class=\"note-ref\" id=\"ref-frictions\" href=\"#note-frictions\" role=\"doc-noteref\" aria-label=\"Note 1\">1</a>.</p>\n</section>",
            result.Woven.Html);
    }
}

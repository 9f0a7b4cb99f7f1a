using Marginalia.Annotations;
using Marginalia.Tests.Support;
using static Marginalia.Tests.Support.NoteFixtures;

namespace Marginalia.Tests.Annotations;

public class QuoteMatcherTests
{
    private const string Body =
        "The early promise of globalisation was ambitious — to bring the world together.\n\n" +
        "Data availability itself is skewed—most datasets are Eurocentric. AI’s “quiet solidarity” grows.\n\n" +
        "## A Heading\n\n" +
        "Unlike WTO or IMF, AI is malleable. Unlike WTO or IMF, it moves fast.\n";

    [Fact]
    public void A_quote_found_once_anchors_at_exactly_its_passage()
    {
        var essay = Essay(Body);

        var (result, diagnostics) = Weave(essay, Note("skew", "quote: \"skewed—most datasets\""));

        Assert.Empty(diagnostics);
        var note = Assert.Single(result.Notes);
        Assert.Equal("skewed—most datasets", note.Exact(result.Text));
        Assert.Equal("p-data-availability-itself-is", note.BlockId);
    }

    [Fact]
    public void Straight_quotes_and_a_spaced_hyphen_match_the_typeset_text()
    {
        var essay = Essay(Body);

        var (result, diagnostics) = Weave(essay,
            Note("solidarity", "quote: \"AI's \\\"quiet solidarity\\\"\""),
            Note("dash", "quote: \"ambitious - to bring\""));

        Assert.Empty(diagnostics);
        Assert.Equal(["ambitious — to bring", "AI’s “quiet solidarity”"], result.Notes.Select(n => n.Exact(result.Text)));
    }

    [Fact]
    public void A_repeated_quote_without_prefix_is_an_error_at_its_field_naming_the_paragraphs_and_proposing_a_prefix()
    {
        var essay = Essay(Body);

        var (result, diagnostics) = Weave(essay, Note("wto", "quote: \"WTO or IMF\""));

        Assert.Empty(result.Notes);
        var error = Assert.Single(diagnostics);
        Assert.Equal("input/annotations/wto.md:2:8: error MG0603: the quote occurs twice (¶ p-unlike-wto-or-imf ×2); add a prefix or suffix to say which", error.ToString());
        Assert.Equal("for the 1st (¶ p-unlike-wto-or-imf), add suffix: \", AI\"; for the 2nd (¶ p-unlike-wto-or-imf), add suffix: \", it\"", error.Hint);
    }

    [Fact]
    public void A_prefix_or_a_suffix_decides_between_repeats()
    {
        var essay = Essay(Body);

        var (result, diagnostics) = Weave(essay,
            Note("second", "quote: \"WTO or IMF\"\nprefix: \"malleable. Unlike\""),
            Note("first", "quote: \"WTO or IMF\"\nsuffix: \", AI is\""));

        Assert.Empty(diagnostics);
        var second = result.Notes.Single(n => n.Note.Id == "second");
        var first = result.Notes.Single(n => n.Note.Id == "first");
        Assert.True(first.Start < second.Start);
        Assert.Equal("malleable. Unlike ", result.Text[(second.Start - 18)..second.Start]);
    }

    [Fact]
    public void A_prefix_that_matches_no_occurrence_is_an_error_at_the_prefix()
    {
        var essay = Essay(Body);

        var (_, diagnostics) = Weave(essay, Note("bad", "quote: \"WTO or IMF\"\nprefix: \"Like\""));

        var error = Assert.Single(diagnostics);
        Assert.Equal("MG0605", error.Code.Id);
        Assert.Equal((3, 9), (error.Location.Line, error.Location.Column));
        Assert.Equal("to anchor at the first, add suffix: \", AI\"", error.Hint);
    }

    [Fact]
    public void A_quote_not_in_the_essay_is_an_error_showing_the_closest_passage()
    {
        var essay = Essay(Body);

        var (_, diagnostics) = Weave(essay, Note("typo", "quote: \"Data availibility itself is skewd\""));

        var error = Assert.Single(diagnostics);
        Assert.Equal("input/annotations/typo.md:2:8: error MG0602: the quote is not in the essay", error.ToString());
        Assert.Equal("the closest passage is in ¶ p-data-availability-itself-is: \"Data availability itself is skewed\"", error.Hint);
    }

    [Fact]
    public void A_quote_running_across_two_blocks_is_an_error_that_says_so()
    {
        var essay = Essay(Body);

        var (_, diagnostics) = Weave(essay, Note("across", "quote: \"grows. A Heading\""));

        var error = Assert.Single(diagnostics);
        Assert.Equal("MG0604", error.Code.Id);
        Assert.Equal("the quote runs from ¶ p-data-availability-itself-is into ¶ s-a-heading; a note quotes within one paragraph or heading", error.Message);
    }

    [Fact]
    public void A_quote_may_run_across_emphasis_and_a_link()
    {
        // Given a paragraph whose passage crosses *emphasis* and a [link]
        var essay = Essay("Open models, *low-code platforms*, and [crowd-sourced](https://example.test/) datasets reduce barriers.\n");

        // When a note quotes across both
        var (result, diagnostics) = Weave(essay, Note("cross", "quote: \"low-code platforms, and crowd-sourced datasets\""));

        // Then it anchors, every piece is marked, and the marker sits after the passage, outside the link
        Assert.Empty(diagnostics);
        Assert.Equal("low-code platforms, and crowd-sourced datasets", Assert.Single(result.Notes).Exact(result.Text));
        Assert.Contains(
            "<em><mark class=\"note-mark\" data-notes=\"cross\">low-code platforms</mark></em><mark class=\"note-mark\" data-notes=\"cross\">, and </mark>" +
            "<a href=\"https://example.test/\"><mark class=\"note-mark\" data-notes=\"cross\">crowd-sourced</mark></a><mark class=\"note-mark\" data-notes=\"cross\"> datasets</mark>" +
            "<a class=\"note-ref\" id=\"ref-cross\" href=\"#note-cross\" role=\"doc-noteref\" aria-label=\"Note 1\">1</a> reduce",
            result.Html,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_ending_inside_a_link_gets_its_marker_after_the_link()
    {
        var essay = Essay("See [the Global Partnership on AI](https://gpai.test/) for more.\n");

        var (result, _) = Weave(essay, Note("gpai", "quote: \"Global Partnership\""));

        Assert.Contains("<mark class=\"note-mark\" data-notes=\"gpai\">Global Partnership</mark> on AI</a><a class=\"note-ref\"", result.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Characters_outside_the_basic_multilingual_plane_before_and_inside_a_quote_do_not_shift_it()
    {
        var essay = Essay("Symbols 🌍🤝 come first; then the 🧠 passage we quote here.\n");

        var (result, diagnostics) = Weave(essay, Note("emoji", "quote: \"the 🧠 passage\""));

        Assert.Empty(diagnostics);
        Assert.Equal("the 🧠 passage", Assert.Single(result.Notes).Exact(result.Text));
        Assert.Contains("<mark class=\"note-mark\" data-notes=\"emoji\">the 🧠 passage</mark>", result.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_and_nested_notes_both_render_and_markers_keep_reading_order()
    {
        // Given three notes: one nested inside another, one overlapping its end
        var essay = Essay("India’s Bhashini project aims to develop AI in local languages.\n");

        var (result, diagnostics) = Weave(essay,
            Note("project", "quote: \"India’s Bhashini project aims\""),
            Note("name", "quote: \"Bhashini\""),
            Note("aims", "quote: \"project aims to develop\""));

        // Then every piece carries the notes covering it, and markers are numbered where they stand
        Assert.Empty(diagnostics);
        Assert.Equal(
            "<p id=\"p-indias-bhashini-project-aims\"><mark class=\"note-mark\" data-notes=\"project\">India’s </mark>" +
            "<mark class=\"note-mark note-mark--overlap\" data-notes=\"name project\">Bhashini</mark>" +
            "<a class=\"note-ref\" id=\"ref-name\" href=\"#note-name\" role=\"doc-noteref\" aria-label=\"Note 1\">1</a>" +
            "<mark class=\"note-mark\" data-notes=\"project\"> </mark>" +
            "<mark class=\"note-mark note-mark--overlap\" data-notes=\"aims project\">project aims</mark>" +
            "<a class=\"note-ref\" id=\"ref-project\" href=\"#note-project\" role=\"doc-noteref\" aria-label=\"Note 2\">2</a>" +
            "<mark class=\"note-mark\" data-notes=\"aims\"> to develop</mark>" +
            "<a class=\"note-ref\" id=\"ref-aims\" href=\"#note-aims\" role=\"doc-noteref\" aria-label=\"Note 3\">3</a> AI in local languages.",
            result.Html[(result.Html.IndexOf("<p", StringComparison.Ordinal))..result.Html.IndexOf("<a class=\"permalink\"", StringComparison.Ordinal)]);
        Assert.Equal(["name", "project", "aims"], result.Notes.Select(n => n.Note.Id));
        Assert.Equal([1, 2, 3], result.Notes.Select(n => n.Number));
    }

    [Fact]
    public void Matching_is_one_pass_many_notes_on_one_text_all_anchor()
    {
        // Given 300 paragraphs and one note per paragraph (a search per note per paragraph would be 90,000 searches)
        var body = string.Join("\n\n", Enumerable.Range(0, 300).Select(i => $"Paragraph number {i} says thing {i * 7} about topic {i % 13}."));
        var essay = Essay(body + "\n");
        var notes = Enumerable.Range(0, 300).Select(i => Note($"n{i}", $"quote: \"says thing {i * 7} about\"")).ToArray();

        var (result, diagnostics) = Weave(essay, notes);

        Assert.Empty(diagnostics);
        Assert.Equal(300, result.Notes.Length);
        Assert.All(result.Notes, n => Assert.Equal($"says thing {int.Parse(n.Note.Id[1..], System.Globalization.CultureInfo.InvariantCulture) * 7} about", n.Exact(result.Text)));
    }
}

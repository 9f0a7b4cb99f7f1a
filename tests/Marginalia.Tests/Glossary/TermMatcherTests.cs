using Marginalia.Annotations;
using Marginalia.Content;
using Marginalia.Glossary;
using static Marginalia.Tests.Support.NoteFixtures;

namespace Marginalia.Tests.Glossary;

public class TermMatcherTests
{
    private const string Body =
        "A large language model trained in California. Language models and a language model differ. The WTO and the imf.\n\n" +
        "## The WTO Today\n\n" +
        "AI’s reach grows. The WTO’s rules, [the WTO site](https://wto.test/) and `WTO` code. Open-source tools and open source.\n\n" +
        "Again the WTO, and a large language model.\n";

    private static NoteFile[] NoNotes => [];

    [Fact]
    public void Whole_words_only_and_the_longest_match_wins()
    {
        var essay = Essay(Body);

        var (result, _) = WeaveTerms(essay, MarkMode.All, NoNotes,
            Term("llm", "term: \"large language model\""),
            Term("lm", "term: \"language model\"\naliases: [\"language models\"]"),
            Term("lang", "term: \"lang\""));

        Assert.Equal(
            [("llm", "large language model"), ("lm", "Language models"), ("lm", "language model"), ("llm", "large language model")],
            MarkedTerms(result));
    }

    [Fact]
    public void Case_sensitive_terms_match_only_their_case_and_a_possessive_still_matches()
    {
        var essay = Essay(Body);

        var (result, _) = WeaveTerms(essay, MarkMode.All, NoNotes,
            Term("wto", "term: \"WTO\"\ncase: sensitive"),
            Term("imf", "term: \"IMF\"\ncase: sensitive"),
            Term("ai", "term: \"AI\"\ncase: sensitive"));

        // "imf" in lower case is not the IMF; "WTO’s" and "AI’s" are
        Assert.DoesNotContain(MarkedTerms(result), t => t.Id == "imf");
        Assert.Contains(("ai", "AI"), MarkedTerms(result));
        Assert.Equal(3, MarkedTerms(result).Count(t => t.Id == "wto"));
    }

    [Fact]
    public void Never_inside_a_link_a_heading_or_code()
    {
        var essay = Essay(Body);

        var (result, _) = WeaveTerms(essay, MarkMode.All, NoNotes, Term("wto", "term: \"WTO\"\ncase: sensitive"));
        var html = result.Html;

        // Marked: the opening's "The WTO and", the possessive, and the last paragraph; not the heading, link or code
        Assert.Equal(3, MarkedTerms(result).Count);
        Assert.Contains("<h2>The WTO Today</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://wto.test/\">the WTO site</a>", html, StringComparison.Ordinal);
        Assert.Contains("<code>WTO</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hyphen_is_a_word_boundary_so_hyphenated_forms_are_aliases()
    {
        var essay = Essay(Body);

        var (plain, _) = WeaveTerms(essay, MarkMode.All, NoNotes, Term("os", "term: \"open source\""));
        var (aliased, _) = WeaveTerms(essay, MarkMode.All, NoNotes, Term("os", "term: \"open source\"\naliases: [\"open-source\"]"));

        Assert.Equal([("os", "open source")], MarkedTerms(plain));
        Assert.Equal([("os", "Open-source"), ("os", "open source")], MarkedTerms(aliased));
    }

    [Theory]
    [InlineData(MarkMode.FirstPerSection, 2)]
    [InlineData(MarkMode.First, 1)]
    [InlineData(MarkMode.All, 3)]
    internal void The_marking_mode_decides_which_uses_are_marked(MarkMode mode, int marked)
    {
        var essay = Essay(Body);

        var (result, _) = WeaveTerms(essay, mode, NoNotes, Term("wto", "term: \"WTO\"\ncase: sensitive"));

        Assert.Equal(marked, MarkedTerms(result).Count);
    }

    [Fact]
    public void A_term_inside_a_noted_passage_is_marked_and_the_note_marker_stays_outside_the_term()
    {
        // Given a note whose passage ends in the middle of a term
        var essay = Essay("The World Trade Organization decides by consensus.\n");

        var (result, diagnostics) = WeaveTerms(essay, MarkMode.All, [Note("n", "quote: \"The World Trade\"")], Term("wto", "term: \"World Trade Organization\""));

        // Then the term is one link holding the marked piece, and the marker follows the link
        Assert.Empty(diagnostics);
        Assert.Contains(
            "<mark class=\"note-mark\" data-notes=\"n\">The </mark><a class=\"term\" href=\"glossary/index.html#wto\" role=\"doc-glossref\" aria-describedby=\"tip-wto\">" +
            "<mark class=\"note-mark\" data-notes=\"n\">World Trade</mark> Organization</a><a class=\"note-ref\"",
            result.Html,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_term_that_occurs_nowhere_is_a_warning_naming_it_and_uses_are_listed_by_paragraph()
    {
        var essay = Essay(Body);

        var (result, diagnostics) = WeaveTerms(essay, MarkMode.FirstPerSection, NoNotes,
            Term("tariff", "term: \"tariff\""), Term("wto", "term: \"WTO\"\ncase: sensitive"));

        var warning = Assert.Single(diagnostics);
        Assert.Equal("input/glossary/tariff.md:2:7: warning MG0702: the term 'tariff' occurs nowhere in the essay", warning.ToString());
        var wto = result.Terms.Single(t => t.Term.Id == "wto");
        Assert.Equal(["p-a-large-language-model", "p-ais-reach-grows-the", "p-again-the-wto-and"], wto.ParagraphIds.ToArray());
        Assert.Equal(3, result.ParagraphNumber("p-again-the-wto-and"));
    }
}

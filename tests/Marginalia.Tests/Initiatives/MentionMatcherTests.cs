using Marginalia.Annotations;
using Marginalia.Content;
using Marginalia.Glossary;
using Marginalia.Initiatives;
using static Marginalia.Tests.Support.NoteFixtures;

namespace Marginalia.Tests.Initiatives;

public class MentionMatcherTests
{
    private const string Body =
        "India’s Bhashini project aims high. The Global Partnership on AI met.\n\n" +
        "Again India’s Bhashini project, and the Global Partnership on AI once more.\n\n" +
        "## The Global Partnership on AI\n\n" +
        "See [India’s Bhashini project](https://bhashini.test/) or `India’s Bhashini project`. The Global Partnership on AI grows.\n";

    private static readonly NoteFile[] NoNotes = [];
    private static readonly TermFile[] NoTerms = [];

    [Fact]
    public void Each_mention_links_on_its_first_occurrence_per_section()
    {
        var essay = Essay(Body);

        var (result, diagnostics) = WeaveAll(essay, NoNotes, NoTerms,
            [Initiative("bhashini", "name: \"Bhashini\"\nmentions: [\"India’s Bhashini project\"]"),
             Initiative("gpai", "name: \"GPAI\"\nmentions: [\"Global Partnership on AI\"]")]);

        Assert.Empty(diagnostics);
        Assert.Equal(
            [("bhashini", "India’s Bhashini project"), ("gpai", "Global Partnership on AI"), ("gpai", "Global Partnership on AI")],
            LinkedMentions(result));
        Assert.Contains("<a class=\"mention\" href=\"initiatives/bhashini/index.html\" data-initiative=\"bhashini\" aria-describedby=\"card-bhashini\">", result.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MarkMode.First, 2)]
    [InlineData(MarkMode.All, 5)]
    internal void The_linking_mode_decides_which_mentions_link(MarkMode mode, int links)
    {
        var essay = Essay(Body);

        var (result, _) = WeaveAll(essay, NoNotes, NoTerms,
            [Initiative("bhashini", "name: \"Bhashini\"\nmentions: [\"India’s Bhashini project\"]"),
             Initiative("gpai", "name: \"GPAI\"\nmentions: [\"Global Partnership on AI\"]")], mode);

        Assert.Equal(links, LinkedMentions(result).Count);
    }

    [Fact]
    public void Headings_existing_links_and_code_are_never_linked_but_still_count_as_mentions()
    {
        var essay = Essay(Body);

        var (result, _) = WeaveAll(essay, NoNotes, NoTerms,
            [Initiative("bhashini", "name: \"Bhashini\"\nmentions: [\"India’s Bhashini project\"]")], MarkMode.All);

        Assert.Equal(2, LinkedMentions(result).Count);
        Assert.Equal(4, result.Initiatives.Single().Mentions.Length);
        Assert.Contains("<a href=\"https://bhashini.test/\">India’s Bhashini project</a>", result.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mention_wins_over_a_glossary_term_on_the_same_words()
    {
        var essay = Essay("The OECD AI Principles were adopted. The OECD is in Paris.\n");

        var (result, _) = WeaveAll(essay, NoNotes, [Term("oecd", "term: \"OECD\"\ncase: sensitive")],
            [Initiative("principles", "name: \"OECD AI Principles\"\nmentions: [\"OECD AI Principles\"]")]);

        Assert.Equal([("principles", "OECD AI Principles")], LinkedMentions(result));
        Assert.Equal([("oecd", "OECD")], MarkedTerms(result));
        Assert.Contains("</a> were adopted. The <a class=\"term\"", result.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mention_found_nowhere_is_an_error_with_the_closest_passage()
    {
        var essay = Essay(Body);

        var (_, diagnostics) = WeaveAll(essay, NoNotes, NoTerms,
            [Initiative("bhashini", "name: \"Bhashini\"\nmentions: [\"Indias Bhashini programme\"]")]);

        var error = Assert.Single(diagnostics);
        Assert.Equal("input/initiatives/bhashini.md:3:12: error MG0703: the mention 'Indias Bhashini programme' is not in the essay", error.ToString());
        Assert.Equal("the closest passage is in ¶ p-indias-bhashini-project-aims: \"India’s Bhashini project\"", error.Hint);
    }

    [Fact]
    public void Mentions_match_with_case_like_note_quotes()
    {
        var essay = Essay("the global partnership on ai is lower case here.\n");

        var (result, diagnostics) = WeaveAll(essay, NoNotes, NoTerms, [Initiative("gpai", "name: \"GPAI\"\nmentions: [\"Global Partnership on AI\"]")]);

        Assert.Empty(LinkedMentions(result));
        Assert.Equal("MG0703", Assert.Single(diagnostics).Code.Id);
    }
}

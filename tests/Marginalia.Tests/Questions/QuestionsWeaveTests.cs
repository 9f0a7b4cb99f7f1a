using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Extensions;
using Marginalia.Pipeline;
using Marginalia.Questions;
using Marginalia.Reader;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Questions;

public class QuestionsWeaveTests
{
    private static readonly Essay Essay = NoteFixtures.Essay("""
        Opening words about cohesion.

        ## Shared code

        Code is written across borders. Code is shared.

        A second paragraph on diplomacy.
        """);

    private static QuestionFile Question(string id, string fields, string body = "")
    {
        var diagnostics = new DiagnosticBag();
        var text = $"---\n{fields.TrimEnd('\n')}\nauthor: someone\ncreated: 2026-12-04\n---\n{body}";
        var file = QuestionParser.Read(new SourceText($"/x/{id}.md", $"input/questions/{id}.md", text), Path.GetTempPath(), diagnostics);
        Assert.True(file is not null, string.Join('\n', diagnostics.Sorted()));
        return file;
    }

    private static (ReaderResult Result, IReadOnlyList<Diagnostic> Diagnostics) Weave(params QuestionFile[] questions)
    {
        var diagnostics = new DiagnosticBag();
        var inputs = NoteFixtures.Inputs([]).With(QuestionsExtension.Input, questions);
        var result = ReaderPipeline.Weave(Essay, "input/essay.md", inputs, diagnostics);
        return (result, diagnostics.Sorted());
    }

    /// <summary>The prompts in page order, each known by the question whose text it shows (the prompt carries no id).</summary>
    private static List<(string Id, string Before, string Text)> Prompts(ReaderResult result) =>
        [.. HtmlFragment.Parse(result.Html).QuerySelectorAll("div.question-prompt")
            .Select(a => ("question-" + Assert.Single(result.Questions, q => "Discuss: " + q.Question.Text == a.TextContent).Question.Id,
                a.PreviousElementSibling?.Id ?? a.ParentElement!.Id!, a.TextContent))];

    [Fact]
    public void A_question_on_a_passage_is_a_prompt_right_after_its_paragraph()
    {
        var (result, diagnostics) = Weave(Question("diplomacy", "question: \"What is 'diplomacy' here?\"\nquote: \"on diplomacy\""));

        Assert.Empty(diagnostics);
        var (id, before, text) = Assert.Single(Prompts(result));
        var paragraph = HtmlFragment.Parse(result.Html).QuerySelectorAll("p").First(p => p.TextContent.StartsWith("A second paragraph", StringComparison.Ordinal));
        Assert.Equal(("question-diplomacy", paragraph.Id), (id, before));
        Assert.Equal("Discuss: What is ‘diplomacy’ here?", text);
        var placed = Assert.Single(result.Questions);
        Assert.Equal((paragraph.Id, false), (placed.BlockId, placed.AboutSection));
    }

    [Fact]
    public void A_question_quoting_a_section_heading_comes_at_the_end_of_that_section()
    {
        var (result, diagnostics) = Weave(Question("section", "question: \"Why share code?\"\nquote: \"Shared code\""));

        Assert.Empty(diagnostics);
        var prompt = HtmlFragment.Parse(result.Html).QuerySelector("div.question-prompt")!;
        Assert.Equal("section", prompt.ParentElement!.LocalName);
        Assert.Null(prompt.NextElementSibling);
        Assert.Contains("A second paragraph", prompt.PreviousElementSibling!.TextContent, StringComparison.Ordinal);
        Assert.True(Assert.Single(result.Questions).AboutSection);
    }

    [Fact]
    public void Questions_in_one_place_keep_reading_order_and_the_essay_text_is_unchanged()
    {
        var (plain, _) = Weave();
        var (result, diagnostics) = Weave(
            Question("second", "question: \"Second?\"\nquote: \"Code is shared.\""),
            Question("first", "question: \"First?\"\nquote: \"written across borders\""));

        Assert.Empty(diagnostics);
        Assert.Equal(["question-first", "question-second"], Prompts(result).Select(p => p.Id));
        Assert.Equal(plain.Text, result.Text);
        Assert.Equal(plain.Version, result.Version);
    }

    [Theory]
    [InlineData("quote: \"words nowhere in it\"", "MG0602")]
    [InlineData("quote: \"Code\"", "MG0603")]
    public void A_quote_that_does_not_place_the_question_is_reported_at_the_quote(string quote, string code)
    {
        var (result, diagnostics) = Weave(Question("lost", "question: \"Where?\"\n" + quote));

        var error = Assert.Single(diagnostics);
        Assert.Equal((code, "input/questions/lost.md", 3), (error.Code.Id, error.Location.Path, error.Location.Line));
        Assert.Empty(Prompts(result));
    }

    [Fact]
    public void The_same_question_twice_is_an_error_at_the_later_file()
    {
        var (_, diagnostics) = Weave(
            Question("a-first", "question: \"Is code diplomacy?\"\nquote: \"on diplomacy\""),
            Question("b-again", "question: \"Is  code \u201Cdiplomacy\u201D?\"\nquote: \"cohesion\""));

        Assert.Empty(diagnostics);
        var (_, repeated) = Weave(
            Question("a-first", "question: \"Is code diplomacy?\"\nquote: \"on diplomacy\""),
            Question("b-again", "question: \"is code   diplomacy?\"\nquote: \"cohesion\""));
        var error = Assert.Single(repeated);
        Assert.Equal(("MG0629", "input/questions/b-again.md", 2), (error.Code.Id, error.Location.Path, error.Location.Line));
        Assert.Contains("input/questions/a-first.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_questions_xref_leads_to_its_prompt_and_a_wrong_one_is_reported()
    {
        var (result, diagnostics) = Weave(
            Question("diplomacy", "question: \"What is diplomacy?\"\nquote: \"on diplomacy\""),
            Question("code", "question: \"Why code?\"\nquote: \"Code is shared.\"", "See [the other](xref:questions/diplomacy) and [this](xref:questions/diplomasy)."));

        var paragraph = Assert.Single(result.Questions, q => q.Question.Id == "diplomacy").BlockId;
        Assert.Equal("#" + paragraph, result.Xrefs.UrlFrom("questions/diplomacy", "index.html"));
        Assert.Equal("../index.html#" + paragraph, result.Xrefs.UrlFrom("questions/diplomacy", "notes/index.html"));
        var error = Assert.Single(diagnostics);
        Assert.Equal("MG0610", error.Code.Id);
        Assert.Contains("questions/diplomacy", error.Hint, StringComparison.Ordinal);
    }
}

using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Questions;

namespace Marginalia.Tests.Questions;

public class QuestionParserTests
{
    private static (QuestionFile? File, IReadOnlyList<Diagnostic> Diagnostics) Read(string text, string id = "cohesion-without-treaties")
    {
        var diagnostics = new DiagnosticBag();
        var file = QuestionParser.Read(new SourceText($"/x/{id}.md", $"input/questions/{id}.md", text), Path.GetTempPath(), diagnostics);
        return (file, diagnostics.Sorted());
    }

    [Fact]
    public void A_complete_question_is_read_into_its_fields_with_the_essays_typography()
    {
        var (file, diagnostics) = Read("""
            ---
            question: "Can cohesion rest on technology rather than treaties, as the essay's third paragraph says -- or not?"
            quote: "a new type of global cohesion"
            prefix: "sewing together "
            level: advanced
            author: octo-cat
            created: 2026-12-04
            sources:
              - title: "OECD AI Principles"
                url: "https://oecd.ai/en/ai-principles"
            ---
            Think of *treaties* you know.
            """);

        Assert.Empty(diagnostics);
        var question = file!.Question;
        Assert.Equal("Can cohesion rest on technology rather than treaties, as the essay’s third paragraph says – or not?", question.Text);
        Assert.Equal(("a new type of global cohesion", "sewing together", QuestionLevel.Advanced), (question.Quote, question.Prefix, question.Level));
        Assert.Equal(("octo-cat", new DateOnly(2026, 12, 4)), (question.Author, question.Created));
        Assert.Equal("https://oecd.ai/en/ai-principles", Assert.Single(question.Sources).Url.AbsoluteUri);
        Assert.Equal("<p>Think of <em>treaties</em> you know.</p>", question.HintsHtml.Trim());
        Assert.Equal("question-cohesion-without-treaties", question.ElementId);
        Assert.False(file.Rejected);
    }

    [Fact]
    public void Level_and_hints_are_optional()
    {
        var (file, diagnostics) = Read("---\nquestion: \"Why?\"\nquote: \"cohesion\"\nauthor: octo-cat\ncreated: 2026-12-04\n---\n");

        Assert.Empty(diagnostics);
        Assert.Null(file!.Question.Level);
        Assert.Equal(string.Empty, file.Question.HintsHtml);
    }

    [Theory]
    [InlineData("quote: \"cohesion\"\nauthor: octo-cat\ncreated: 2026-12-04", "MG0111", 1, "question")]
    [InlineData("question: \"Why?\"\nauthor: octo-cat\ncreated: 2026-12-04", "MG0111", 1, "quote")]
    [InlineData("question: \"Why?\"\nquote: \"cohesion\"\nauthor: octo-cat", "MG0111", 1, "created")]
    [InlineData("question: \"Why?\"\nquote: \"cohesion\"\nlevel: advancd\nauthor: octo-cat\ncreated: 2026-12-04", "MG0112", 4, "advanced")]
    [InlineData("question: \"Why?\"\nquote: \"cohesion\"\nauthor: Octo Cat\ncreated: 2026-12-04", "MG0112", 4, "GitHub handle")]
    [InlineData("question: \"Why?\"\nquote: \"cohesion\"\nkind: context\nauthor: octo-cat\ncreated: 2026-12-04", "MG0110", 4, "kind")]
    public void A_bad_field_is_reported_at_its_line(string fields, string code, int line, string mentioned)
    {
        var (_, diagnostics) = Read($"---\n{fields}\n---\n");

        var error = Assert.Single(diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal((code, "input/questions/cohesion-without-treaties.md", line), (error.Code.Id, error.Location.Path, error.Location.Line));
        Assert.Contains(mentioned, error.Message + " " + error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_without_a_question_mark_is_a_warning_at_the_question()
    {
        var (file, diagnostics) = Read("---\nquote: \"cohesion\"\nquestion: \"Discuss cohesion.\"\nauthor: octo-cat\ncreated: 2026-12-04\n---\n");

        var warning = Assert.Single(diagnostics);
        Assert.Equal(("MG0628", Severity.Warning, 3, 11), (warning.Code.Id, warning.Severity, warning.Location.Line, warning.Location.Column));
        Assert.False(file!.Rejected);
    }

    [Fact]
    public void A_question_over_200_characters_is_refused_with_the_limit()
    {
        var (file, diagnostics) = Read($"---\nquestion: \"{new string('a', 200)}?\"\nquote: \"cohesion\"\nauthor: octo-cat\ncreated: 2026-12-04\n---\n");

        var error = Assert.Single(diagnostics);
        Assert.Equal(("MG0622", 2), (error.Code.Id, error.Location.Line));
        Assert.True(file!.Rejected);
    }
}

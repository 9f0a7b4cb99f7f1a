using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Extensions;
using Marginalia.Questions;
using Marginalia.Reader;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Questions;

/// <summary>How the reading guide groups and orders the questions, which the page and the book's chapter both read.</summary>
public class GuideModelTests
{
    private static readonly Essay Essay = NoteFixtures.Essay("""
        Opening words about cohesion.

        ## Shared code

        Code is written across borders. Code is shared.

        A second paragraph on diplomacy.

        ## Nothing asked here

        A closing paragraph.
        """);

    private static QuestionFile Question(string id, string question, string quote, string body = "")
    {
        var diagnostics = new DiagnosticBag();
        var text = $"---\nquestion: \"{question}\"\nquote: \"{quote}\"\nauthor: someone\ncreated: 2026-12-04\n---\n{body}";
        var file = QuestionParser.Read(new SourceText($"/x/{id}.md", $"input/questions/{id}.md", text), Path.GetTempPath(), diagnostics);
        Assert.True(file is not null, string.Join('\n', diagnostics.Sorted()));
        return file;
    }

    private static ReaderResult Weave(params QuestionFile[] questions)
    {
        var diagnostics = new DiagnosticBag();
        var result = ReaderPipeline.Weave(Essay, "input/essay.md", NoteFixtures.Inputs([]).With(QuestionsExtension.Input, questions), diagnostics);
        Assert.Empty(diagnostics.Sorted());
        return result;
    }

    [Fact]
    public void Sections_come_in_the_essays_order_and_a_section_without_questions_is_left_out()
    {
        // Given questions in the second section and the opening, written in the opposite order
        var reader = Weave(
            Question("on-code", "Why code?", "Code is shared."),
            Question("on-cohesion", "What is cohesion?", "about cohesion"));

        // When the guide groups them
        var sections = GuideModel.Sections(reader, ReadingGuide.Path);

        // Then the opening comes first, the shared-code section second, and the section nobody asked about not at all
        Assert.Equal(["Opening", "Shared code"], sections.Select(s => s.Title));
        Assert.Equal([true, false], sections.Select(s => s.Untitled));
        Assert.Equal([["question-on-cohesion"], ["question-on-code"]], sections.Select(s => s.Questions.Select(q => q.ElementId).ToArray()));
        Assert.DoesNotContain(sections, s => s.Id == reader.Essay.Sections[2].Id);
    }

    [Fact]
    public void A_question_about_the_whole_section_comes_first_then_the_others_in_reading_order()
    {
        // Given, in one section, a question late in it, one early in it, and one quoting its heading (ids in no helpful order)
        var reader = Weave(
            Question("a-late", "Is diplomacy code?", "on diplomacy"),
            Question("b-early", "Across which borders?", "written across borders"),
            Question("c-section", "Is code shared?", "Shared code"));

        // When the guide groups them
        var section = Assert.Single(GuideModel.Sections(reader, ReadingGuide.Path));

        // Then the section's question leads, linking to the section, and the two passages follow in the essay's order
        Assert.Equal(["question-c-section", "question-b-early", "question-a-late"], section.Questions.Select(q => q.ElementId));
        var lead = section.Questions[0];
        Assert.True(lead.AboutSection);
        Assert.Equal(reader.Essay.Sections[1].Id, lead.PassageId);
        Assert.Equal([false, false], section.Questions.Skip(1).Select(q => q.AboutSection));
        Assert.Equal([2, 3], section.Questions.Skip(1).Select(q => q.Paragraph));
    }

    [Fact]
    public void A_question_shows_its_level_and_its_hints_xrefs_resolved_for_the_guide_page()
    {
        // Given a question with a level and hints linking to another question and to a paragraph
        var leveled = Question("leveled", "Why code?", "Code is shared.", "Compare [the other](xref:questions/other) and [the opening](xref:essay#" + Essay.Sections[0].Paragraphs[0].Id + ").");
        leveled = leveled with { Question = leveled.Question with { Level = QuestionLevel.Advanced } };
        var reader = Weave(leveled, Question("other", "What is cohesion?", "about cohesion"));

        // When the guide shows it
        var view = GuideModel.Sections(reader, ReadingGuide.Path).SelectMany(s => s.Questions).Single(q => q.Id == "leveled");

        // Then its level is named, and its links lead from reading-guide/ back to the reader
        Assert.Equal("advanced", view.Level);
        Assert.Contains("href=\"../index.html#" + Essay.Sections[0].Paragraphs[0].Id + "\"", view.HintsHtml.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("xref:", view.HintsHtml.Html, StringComparison.Ordinal);
        Assert.Equal(("someone", "https://github.com/someone", "2026-12-04", "4 December 2026"), (view.Author, view.AuthorUrl, view.Created, view.CreatedLabel));
    }
}

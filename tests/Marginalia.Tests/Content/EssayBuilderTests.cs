using Marginalia.Content;
using Marginalia.Diagnostics;

namespace Marginalia.Tests.Content;

public class EssayBuilderTests
{
    private const string Head = "---\ntitle: T\nauthor: A\nlanguage: en\n---\n";

    private static (Essay? Essay, IReadOnlyList<Diagnostic> Diagnostics) Build(string body)
    {
        var diagnostics = new DiagnosticBag();
        var frontMatter = FrontMatterParser.Parse(new SourceText("/e", "input/essay.md", Head + body), diagnostics)!;
        return (EssayBuilder.Build(frontMatter, diagnostics, "/no-media"), diagnostics.Sorted());
    }

    [Fact]
    public void Paragraphs_before_the_first_heading_form_an_untitled_opening_section()
    {
        var (essay, diagnostics) = Build("First words here now.\n\nSecond one.\n\n## A Heading\n\nUnder it.\n");

        Assert.Empty(diagnostics);
        Assert.Equal(["s-opening", "s-a-heading"], essay!.Sections.Select(s => s.Id));
        Assert.Null(essay.Sections[0].Title);
        Assert.Equal("A Heading", essay.Sections[1].Title);
        Assert.Equal(["p-first-words-here-now", "p-second-one", "p-under-it"], essay.Paragraphs.Select(p => p.Id));
    }

    [Fact]
    public void Paragraph_ids_come_from_first_words_so_inserting_a_paragraph_keeps_the_others()
    {
        var (before, _) = Build("Alpha beta gamma delta.\n\nOmega psi.\n");
        var (after, _) = Build("Alpha beta gamma delta.\n\nInserted text.\n\nOmega psi.\n");

        Assert.Equal(["p-alpha-beta-gamma-delta", "p-omega-psi"], before!.Paragraphs.Select(p => p.Id));
        Assert.Equal(["p-alpha-beta-gamma-delta", "p-inserted-text", "p-omega-psi"], after!.Paragraphs.Select(p => p.Id));
    }

    [Fact]
    public void Paragraphs_that_start_alike_get_suffixed_ids()
    {
        var (essay, _) = Build("But this is one.\n\nBut this is two.\n");

        Assert.Equal(["p-but-this-is-one", "p-but-this-is-two"], essay!.Paragraphs.Select(p => p.Id));
        var (same, _) = Build("Same four words here.\n\nSame four words here too.\n");
        Assert.Equal(["p-same-four-words-here", "p-same-four-words-here-2"], same!.Paragraphs.Select(p => p.Id));
    }

    [Fact]
    public void The_essay_model_holds_sections_and_ids_but_no_permalinks_which_are_the_web_pages()
    {
        var (essay, _) = Build("Even more alarmingly, previous frictions.\n");

        Assert.Equal(
            "<section class=\"essay-section\" id=\"s-opening\"><p id=\"p-even-more-alarmingly-previous\">Even more alarmingly, previous frictions.</p>\n</section>",
            essay!.Html);
    }

    [Fact]
    public void A_heading_of_another_level_is_an_error_at_its_line()
    {
        // Given a level-3 heading on file line 8 (front matter is 5 lines)
        var (essay, diagnostics) = Build("Text.\n\n### Deep\n");

        Assert.Null(essay);
        var error = Assert.Single(diagnostics);
        Assert.Equal("input/essay.md:8:1: error MG0202: section headings must be level 2 ('## '), this one is level 3", error.ToString());
    }

    [Fact]
    public void Raw_html_in_the_essay_is_shown_as_text_not_markup()
    {
        var (essay, _) = Build("A <script>alert(1)</script> tag.\n");

        Assert.Contains("A &lt;script&gt;alert(1)&lt;/script&gt; tag.", essay!.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_essay_without_paragraphs_is_an_error()
    {
        var (essay, diagnostics) = Build("## Only a heading\n");

        Assert.Null(essay);
        Assert.Equal("input/essay.md:6:1: error MG0201: the essay has no paragraphs after its front matter", Assert.Single(diagnostics).ToString());
    }
}

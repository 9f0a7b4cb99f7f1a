using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Questions;
using Marginalia.Scaffolding;
using Marginalia.Tests.Support;
using Marginalia.Text;

namespace Marginalia.Tests.Questions;

public class QuestionScaffoldTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2027, 3, 9, 12, 0, 0, TimeSpan.Zero));

    private static readonly Lazy<TextIndex> Essay = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        var index = EssayText.Load(Path.Combine(RepoPaths.Input, "essay.md"), "input/essay.md", diagnostics);
        Assert.False(diagnostics.HasErrors);
        return index!;
    });

    private static (QuestionFile? File, IReadOnlyList<Diagnostic> Diagnostics) ReadBack(Scaffold scaffold)
    {
        var diagnostics = new DiagnosticBag();
        var path = $"input/{scaffold.RelativePath}";
        var file = QuestionParser.Read(new SourceText("/x/" + scaffold.Id + ".md", path, scaffold.Content), Path.GetTempPath(), diagnostics);
        return (file, diagnostics.Sorted());
    }

    [Fact]
    public void The_file_written_is_read_back_with_no_problem_and_places_its_question()
    {
        var result = QuestionScaffold.Create(Essay.Value, new QuestionRequest("Who decides what counts as a shared protocol?", "shared protocols", null, "advanced", "jdoe"), Clock);

        var scaffold = result.Scaffold!;
        Assert.Equal(("questions", "who-decides-what-counts-as"), (scaffold.Folder, scaffold.Id));
        Assert.Contains("created: 2027-03-09\n", scaffold.Content, StringComparison.Ordinal);
        var (file, diagnostics) = ReadBack(scaffold);
        Assert.Empty(diagnostics);
        Assert.Equal(("shared protocols", QuestionLevel.Advanced, "jdoe"), (file!.Question.Quote, file.Question.Level, file.Question.Author));
        Assert.Single(QuoteMatcherLocate(file.Question.Quote));
    }

    [Fact]
    public void A_repeated_quote_gets_the_prefix_or_suffix_that_picks_the_chosen_place()
    {
        var places = QuoteMatcherLocate("AI");
        Assert.True(places.Count > 2);

        var result = QuestionScaffold.Create(Essay.Value, new QuestionRequest("Which AI?", "AI", "which-ai", null, "jdoe", Occurrence: 2), Clock);

        var (file, diagnostics) = ReadBack(result.Scaffold!);
        Assert.Empty(diagnostics);
        Assert.True(file!.Question.Prefix is not null || file.Question.Suffix is not null);
        Assert.Contains("picks the 2nd", Assert.Single(result.Scaffold!.Notes), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Why?", "Code", "advancd", ProblemKind.Usage, "did you mean 'advanced'?")]
    [InlineData("", "Code", null, ProblemKind.Usage, "ending with '?'")]
    [InlineData("Why?", "words the essay never says", null, ProblemKind.Input, "closest passage")]
    internal void A_request_that_cannot_be_written_says_why_and_writes_nothing(string question, string quote, string? level, ProblemKind kind, string hint)
    {
        var result = QuestionScaffold.Create(Essay.Value, new QuestionRequest(question, quote, "q", level, "jdoe"), Clock);

        Assert.Null(result.Scaffold);
        Assert.Equal(kind, result.Problem!.Kind);
        Assert.Contains(hint, result.Problem.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_without_a_question_mark_is_written_with_a_warning()
    {
        var result = QuestionScaffold.Create(Essay.Value, new QuestionRequest("Discuss shared protocols", "shared protocols", null, null, "jdoe"), Clock);

        Assert.Contains("question mark", Assert.Single(result.Scaffold!.Warnings), StringComparison.Ordinal);
    }

    private static IReadOnlyList<(int Start, int End, string BlockId, string? Prefix, string? Suffix)> QuoteMatcherLocate(string quote) =>
        Marginalia.Text.QuoteOccurrences.Locate(Essay.Value, quote);
}

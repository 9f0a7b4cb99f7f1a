using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Diagnostics;
using Marginalia.Scaffolding;
using Marginalia.Tests.Support;
using Marginalia.Text;

namespace Marginalia.Tests.Scaffolding;

public class ScaffoldTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2027, 3, 9, 12, 0, 0, TimeSpan.Zero));

    private static TextIndex Essay()
    {
        var diagnostics = new DiagnosticBag();
        var path = Path.Combine(RepoPaths.Input, "essay.md");
        var index = EssayText.Load(path, "input/essay.md", diagnostics);
        Assert.False(diagnostics.HasErrors);
        return index!;
    }

    private static FieldParser Fields(string content, DiagnosticBag diagnostics)
    {
        var frontMatter = FrontMatterParser.Parse(new SourceText("/tmp/x.md", "x.md", content), diagnostics);
        Assert.NotNull(frontMatter);
        return FieldParser.For(frontMatter, diagnostics);
    }

    [Fact]
    public void A_value_with_quotes_backslashes_a_colon_and_a_hash_reads_back_unchanged()
    {
        // Given a value YAML would misread unquoted
        const string value = "he said \"no\": C:\\path # not a comment";

        // When it is written as a field and parsed again
        var diagnostics = new DiagnosticBag();
        var fields = Fields($"---\nquote: {YamlText.Quote(value)}\n---\nBody.\n", diagnostics);

        // Then it is the same string
        Assert.Equal("\"he said \\\"no\\\": C:\\\\path # not a comment\"", YamlText.Quote(value));
        Assert.Equal(value, fields.OptionalString("quote"));
        Assert.False(diagnostics.HasErrors);
    }

    [Fact]
    public void A_quote_found_once_gets_no_prefix_or_suffix_and_records_the_date_and_essay_version()
    {
        // Given a passage the essay holds once, typed with a straight apostrophe
        var index = Essay();

        // When a note is scaffolded for it
        var result = AnnotationScaffold.Create(index, new AnnotationRequest("India's Bhashini project aims to develop AI", null, null, "jdoe"), Clock);

        // Then the file is named after the first words, quotes the essay's own text, and leaves prefix/suffix commented
        var scaffold = Assert.IsType<Scaffold>(result.Scaffold);
        Assert.Equal("annotations/indias-bhashini-project-aims-to.md", scaffold.RelativePath);
        var lines = scaffold.Content.Split('\n');
        Assert.Contains("quote: \"India’s Bhashini project aims to develop AI\"", lines);
        Assert.Contains(lines, l => l.StartsWith("# prefix: ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("prefix:", StringComparison.Ordinal) || l.StartsWith("suffix:", StringComparison.Ordinal));
        Assert.Contains("created: 2027-03-09", lines);
        Assert.Contains(lines, l => l.StartsWith($"essay-version: \"{index.Version}\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("kind: \"context\"   # context | source | fact-check | counterpoint | translation", StringComparison.Ordinal));
        Assert.EndsWith("---\n" + Placeholders.NoteBody + "\n", scaffold.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_quote_gets_a_different_selector_for_each_place()
    {
        // Given "WTO", which the essay uses twice
        var index = Essay();

        // When the first and the second place are asked for
        var first = AnnotationScaffold.Create(index, new AnnotationRequest("WTO", "wto-1", null, "jdoe", 1), Clock).Scaffold!;
        var second = AnnotationScaffold.Create(index, new AnnotationRequest("WTO", "wto-2", null, "jdoe", 2), Clock).Scaffold!;

        // Then each names a prefix or suffix, and they differ
        static string Selector(Scaffold s) => s.Content.Split('\n').Single(l => l.StartsWith("prefix:", StringComparison.Ordinal) || l.StartsWith("suffix:", StringComparison.Ordinal)).Split("   #")[0];
        Assert.NotEqual(Selector(first), Selector(second));
        Assert.Contains(first.Notes, n => n.Contains("occurs twice", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Not An Id", "try --id not-an-id")]
    [InlineData("a--b", "try --id a-b")]
    public void An_invalid_id_is_a_usage_problem_with_a_suggestion(string id, string hint)
    {
        var result = AnnotationScaffold.Create(Essay(), new AnnotationRequest("WTO", id, null, "jdoe"), Clock);

        Assert.Null(result.Scaffold);
        Assert.Equal(ProblemKind.Usage, result.Problem!.Kind);
        Assert.Equal(hint, result.Problem.Hint);
    }

    [Fact]
    public void An_unknown_kind_is_a_usage_problem_with_did_you_mean()
    {
        var result = AnnotationScaffold.Create(Essay(), new AnnotationRequest("WTO", null, "factcheck", "jdoe"), Clock);

        Assert.Equal(ProblemKind.Usage, result.Problem!.Kind);
        Assert.Equal("did you mean 'fact-check'?", result.Problem.Hint);
    }

    [Fact]
    public void An_author_that_is_not_a_github_handle_is_a_usage_problem()
    {
        var result = TermScaffold.Create(Essay(), new TermRequest("WTO", null, null, "Jane Doe"), Clock);

        Assert.Equal(ProblemKind.Usage, result.Problem!.Kind);
        Assert.Contains("'Jane Doe' is not a GitHub handle", result.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_term_the_essay_never_uses_is_written_with_a_warning()
    {
        var result = TermScaffold.Create(Essay(), new TermRequest("blockchain", null, null, "jdoe"), Clock);

        var scaffold = Assert.IsType<Scaffold>(result.Scaffold);
        Assert.Equal("glossary/blockchain.md", scaffold.RelativePath);
        Assert.Contains(scaffold.Warnings, w => w.StartsWith("the essay never uses 'blockchain'", StringComparison.Ordinal));
    }

    [Fact]
    public void Initiative_mentions_are_written_as_the_essay_writes_them()
    {
        var result = InitiativeScaffold.Create(Essay(), new InitiativeRequest("Bhashini", ["India's Bhashini project"], null, "jdoe"), Clock);

        var scaffold = Assert.IsType<Scaffold>(result.Scaffold);
        Assert.Contains("mentions: [\"India’s Bhashini project\"]   # phrases copied from the essay, matched with case", scaffold.Content.Split('\n'));
    }
}

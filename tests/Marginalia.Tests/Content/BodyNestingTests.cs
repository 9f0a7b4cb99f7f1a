using System.Text;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Tests.Contributions;
using Markdig;

namespace Marginalia.Tests.Content;

/// <summary>
/// Markdown nested deeper than Markdig can parse (it throws past 128 levels) is refused (MG0619) at the marker that
/// crosses the stated depth, before Markdig sees it; nesting at the stated depth, in every form at once, renders.
/// </summary>
public class BodyNestingTests
{
    private static string Repeat(string piece, int times) => new StringBuilder().Insert(0, piece, times).ToString();

    private static string Lines(int count, Func<int, string> line) => string.Concat(Enumerable.Range(0, count).Select(line));

    public static TheoryData<string, string, string> TooDeep => new()
    {
        // case, body, the error ("CODE line:column", the body starting on line 10)
        { "block quotes", Repeat(">", 17) + " x\n", "MG0619 10:17" },
        { "spaced block quotes", Repeat("> ", 17) + "x\n", "MG0619 10:33" },
        { "128 block quotes (Markdig's limit)", Repeat(">", 128) + " x\n", "MG0619 10:17" },
        { "block quotes on a later line", "Text.\n\n" + Repeat(">", 40) + " x\n", "MG0619 12:17" },
        { "list markers on one line", Repeat("- ", 17) + "x\n", "MG0619 10:33" },
        { "ordered list markers", Repeat("1. ", 17) + "x\n", "MG0619 10:49" },
        { "indented lists", Lines(20, i => new string(' ', 2 * i) + "- x\n"), "MG0619 26:33" },
        { "tab-indented lists", Lines(20, i => new string('\t', i) + "- x\n"), "MG0619 18:9" },
        { "quotes and lists mixed", Repeat("> - ", 9) + "x\n", "MG0619 10:33" },
        { "list of quotes, 100 deep", Repeat("- > ", 50) + "x\n", "MG0619 10:33" },
        { "open brackets", Repeat("[", 17) + "x\n", "MG0619 10:17" },
        { "thousands of open brackets", Repeat("[", 5_000) + "x\n", "MG0619 10:17" },
        { "nested images", Repeat("![", 17) + "x" + Repeat("](media/x.png)", 17) + "\n", "MG0619 10:34" },
        { "nested links", Repeat("[", 17) + "x" + Repeat("](https://x.test)", 17) + "\n", "MG0619 10:17" },
        { "brackets over lines", Lines(17, _ => "[a\n"), "MG0619 26:1" },
        { "a long emphasis run", Repeat("*", 500) + "x" + Repeat("*", 500) + "\n", "MG0619 10:1" },
        { "nested emphasis", Repeat("*a ", 17) + "x" + Repeat(" a*", 17) + "\n", "MG0619 10:49" },
        { "nested strong emphasis", Repeat("**a ", 9) + "x" + Repeat(" a**", 9) + "\n", "MG0619 10:33" },
        { "nested underscores", Repeat("_a ", 17) + "x" + Repeat(" a_", 17) + "\n", "MG0619 10:49" },
        { "nested strikethrough", Repeat("~a ", 17) + "x\n", "MG0619 10:49" },
        { "emphasis inside brackets", Repeat("[*a ", 9) + "x\n", "MG0619 10:33" },
        { "deep nesting inside a list item", "- " + Repeat("[", 17) + "x\n", "MG0619 10:19" },
    };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public void A_body_nested_too_deeply_is_refused_at_the_marker_that_crosses_the_depth(string name, string body, string expected)
    {
        var (rendered, errors) = BodyRendering.Render(body);
        Assert.Null(rendered);
        Assert.True(errors.SequenceEqual([expected]), $"{name}: {string.Join(",", errors)}");
    }

    public static TheoryData<string, string> AtDepth => new()
    {
        { "block quotes", Repeat(">", 16) + " x\n" },
        { "lists", Lines(16, i => new string(' ', 2 * i) + "- x\n") },
        { "brackets", Repeat("[", 16) + "x" + Repeat("]", 16) + "\n" },
        { "emphasis", Repeat("*a ", 16) + "x" + Repeat(" a*", 16) + "\n" },
        { "balanced brackets, many", Repeat("[a] ", 2_000) + "\n" },
        { "balanced emphasis, many", Repeat("*a* **b** _c_ ", 125) + "\n" },
        { "a rule of many stars", Repeat("* ", 40) + "\n\nText.\n" },
        { "brackets in a code span", "`" + Repeat("[", 40) + "`\n" },
        { "brackets in fenced code", "```\n" + Repeat("[", 40) + "\n" + Repeat(">", 40) + "\n```\n\nText.\n" },
        { "escaped brackets", Repeat("\\[", 40) + "\n" },
        { "every form at once", Repeat("> ", 8) + Repeat("- ", 8) + Repeat("[", 8) + Repeat("*a ", 8) + "x\n" },
    };

    [Theory]
    [MemberData(nameof(AtDepth))]
    public void A_body_nested_at_the_stated_depth_is_rendered(string name, string body)
    {
        var (rendered, errors) = BodyRendering.Render(body);
        Assert.True(errors.Length == 0, $"{name}: {string.Join(",", errors)}");
        Assert.NotNull(rendered);
    }

    [Fact]
    public void The_stated_depths_leave_Markdig_far_from_its_own_limit()
    {
        // Every kind of nesting at the stated depth, stacked, is still within what Markdig parses: twice over.
        var body = Repeat("> ", 2 * BodyNesting.MaxBlockDepth) + Repeat("- ", 2 * BodyNesting.MaxBlockDepth)
            + Repeat("[", 2 * BodyNesting.MaxInlineDepth) + Repeat("*a ", 2 * BodyNesting.MaxInlineDepth) + "x\n";
        var pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().UsePipeTables().Build();
        Assert.Contains("<blockquote>", Markdown.ToHtml(body, pipeline), StringComparison.Ordinal);
    }
}

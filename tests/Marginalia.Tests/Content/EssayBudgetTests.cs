using Marginalia.Content;
using Marginalia.Diagnostics;

namespace Marginalia.Tests.Content;

/// <summary>
/// The essay's structure budgets: one past each is refused at the line and column where it is crossed (the body
/// starts on file line 6 here), and the budget itself is accepted.
/// </summary>
public class EssayBudgetTests
{
    private static string[] Check(string body)
    {
        var diagnostics = new DiagnosticBag();
        EssayBudget.Check(body, "input/essay.md", 6, diagnostics);
        return [.. diagnostics.Sorted().Select(d => $"{d.Code.Id} {d.Location} {d.Message}")];
    }

    public static TheoryData<string, string, string> Over => new()
    {
        // case, body, expected error
        { "headings", string.Concat(Enumerable.Range(0, 201).Select(i => $"## H{i}\n\nx\n\n")), "MG0618 input/essay.md:806:1 the essay has more than 200 headings" },
        { "atx-levels", string.Concat(Enumerable.Range(0, 201).Select(i => $"{new string('#', 1 + (i % 6))} H\n")), "MG0618 input/essay.md:206:1 the essay has more than 200 headings" },
        { "list-items", string.Concat(Enumerable.Range(0, 2001).Select(i => i % 2 == 0 ? "- a\n" : "12. b\n")), "MG0618 input/essay.md:2006:1 the essay has more than 2,000 list items" },
        { "quoted-list-items", string.Concat(Enumerable.Repeat("> * a\n", 2001)), "MG0618 input/essay.md:2006:1 the essay has more than 2,000 list items" },
        { "blocks", string.Concat(Enumerable.Repeat("x\n\n", 3001)), "MG0618 input/essay.md:6006:1 the essay has more than 3,000 paragraphs and other blocks" },
        { "table-cells", string.Concat(Enumerable.Repeat("| a | b | c | d |\n", 1001)), "MG0618 input/essay.md:1006:1 the essay has more than 5,000 table cells ('|')" },
        { "emphasis", string.Concat(Enumerable.Repeat("*a* _b_ ~c~ **d**\n", 1000)) + "*x*\n", "MG0618 input/essay.md:1006:1 the essay has more than 10,000 emphasis marks ('*', '_', '~')" },
        { "backticks", string.Concat(Enumerable.Repeat("`a` `b`\n", 2500)) + "`x`\n", "MG0618 input/essay.md:2506:1 the essay has more than 10,000 backticks ('`', code)" },
        { "two-space-breaks", string.Concat(Enumerable.Repeat("a  \n", 2001)), "MG0618 input/essay.md:2006:3 the essay has more than 2,000 line breaks (a line ending in two spaces or '\\')" },
        { "backslash-breaks", string.Concat(Enumerable.Repeat("ab\\\n", 2001)), "MG0618 input/essay.md:2006:3 the essay has more than 2,000 line breaks (a line ending in two spaces or '\\')" },
    };

    [Theory]
    [MemberData(nameof(Over))]
    public void One_past_a_budget_is_refused_where_it_is_crossed(string name, string body, string expected)
    {
        Assert.True(Check(body) is [var only] && only == expected, $"{name}: {string.Join(" | ", Check(body))}");
    }

    [Fact]
    public void Every_budget_reached_at_once_is_accepted()
    {
        var body = string.Concat(Enumerable.Range(0, 200).Select(i => $"## H{i}\n\n"))
            + string.Concat(Enumerable.Repeat("- a\n", 2000)) + "\n"
            + string.Concat(Enumerable.Repeat("| a | b | c | d |\n", 1000)) + "\n"
            + string.Concat(Enumerable.Repeat("*a* _b_ ~c~ **d**\n", 1000)) + "\n"
            + string.Concat(Enumerable.Repeat("x\n\n", 3000 - 203));

        Assert.Empty(Check(body));
    }
}

using System.Text;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Tests.Contributions;

namespace Marginalia.Tests.Content;

/// <summary>
/// A body over its budget of characters, lines or table cells is refused (MG0618) at the place it crosses it, before
/// Markdig parses it; a body at every budget is rendered.
/// </summary>
public class BodyBudgetTests
{
    private static string Repeat(string piece, int times) => new StringBuilder().Insert(0, piece, times).ToString();

    public static TheoryData<string, string, string> Over => new()
    {
        // case, body, the errors ("CODE line:column", the body starting on line 10)
        { "characters on one line", new string('a', BodyBudget.MaxCharacters + 1), "MG0618 10:20001" },
        { "characters over lines", Repeat(new string('a', 99) + "\n", 200) + "b\n", "MG0618 210:1" },
        { "lines", Repeat("a\n", BodyBudget.MaxLines + 1), "MG0618 1010:1" },
        { "blank lines", "a" + Repeat("\n", BodyBudget.MaxLines) + "b", "MG0618 1010:1" },
        { "columns of one row", Repeat("|a", 1_001) + "\n" + Repeat("|-", 1_001) + "\n", "MG0618 10:2001" },
        { "rows of a table", "|a|b|\n|-|-|\n" + Repeat("|a|b|\n", 332), "MG0618 343:3" },
        { "rows without outer pipes", "a|b\n-|-\n" + Repeat("a|b|c\n", 500), "MG0618 511:2" },
        { "escaped pipes", Repeat("\\|", 1_001) + "\n", "MG0618 10:2002" },
        { "emphasis marks", Repeat("a*", 1_001), "MG0618 10:2002" },
        { "underscores and tildes", Repeat("a_b~", 501), "MG0618 10:2002" },
        { "marks over lines", Repeat("*a*\n", 501), "MG0618 510:1" },
        { "all three", Repeat("|\n", 10_001), "MG0618 1010:1,MG0618 1010:1,MG0618 10010:1" },
    };

    [Theory]
    [MemberData(nameof(Over))]
    public void A_body_over_a_budget_is_refused_where_it_crosses_it(string name, string body, string expected)
    {
        var (rendered, errors) = BodyRendering.Render(body);
        Assert.Null(rendered);
        Assert.True(expected.Split(',').Order().SequenceEqual(errors.Order()), $"{name}: {string.Join(",", errors)}");
    }

    public static TheoryData<string, string> AtBudget => new()
    {
        { "characters", Repeat(new string('a', 99) + " ", BodyBudget.MaxCharacters / 100) },
        { "lines", Repeat("a\n", BodyBudget.MaxLines) },
        { "emphasis marks", Repeat("a*", BodyBudget.MaxEmphasisMarks) },
        { "columns", Repeat("|a", 499) + "|\n" + Repeat("|-", 499) + "|\n" },
        { "rows", "a|b\n-|-\n" + Repeat("a|b\n", 998) },
    };

    [Theory]
    [MemberData(nameof(AtBudget))]
    public void A_body_at_a_budget_is_rendered(string name, string body)
    {
        var (rendered, errors) = BodyRendering.Render(body);
        Assert.True(errors.Length == 0, $"{name}: {string.Join(",", errors)}");
        Assert.NotNull(rendered);
    }

    [Fact]
    public void A_table_at_the_budget_renders_as_a_table()
    {
        var (rendered, _) = BodyRendering.Render("a|b\n-|-\n" + Repeat("a|b\n", 998));
        Assert.Equal(999, rendered!.Html.Split("<tr>").Length - 1);
    }
}

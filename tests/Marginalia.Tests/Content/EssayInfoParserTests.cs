using Marginalia.Content;
using Marginalia.Diagnostics;

namespace Marginalia.Tests.Content;

public class EssayInfoParserTests
{
    private static (EssayInfo? Info, IReadOnlyList<Diagnostic> Diagnostics) Read(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        var frontMatter = FrontMatterParser.Parse(new SourceText("/e", "input/essay.md", $"---\n{yaml}---\nText.\n"), diagnostics);
        return (EssayInfoParser.Read(frontMatter!, diagnostics), diagnostics.Sorted());
    }

    [Fact]
    public void A_complete_front_matter_is_read_into_the_contract_fields()
    {
        var (info, diagnostics) = Read("title: \"T\"\ntitle-is-editorial: true\nauthor: Partha Roy\npublisher: Modern Diplomacy\nrepublished-by: Africa-Press\nlanguage: en\npublished: 2025-06-30\n");

        Assert.Empty(diagnostics);
        Assert.Equal(new EssayInfo("T", true, "Partha Roy", "Modern Diplomacy", "Africa-Press", "en", new DateOnly(2025, 6, 30)), info);
    }

    [Fact]
    public void An_unknown_field_is_an_error_with_did_you_mean()
    {
        var (info, diagnostics) = Read("title: T\nauther: X\nauthor: Y\nlanguage: en\n");

        Assert.Null(info);
        var error = Assert.Single(diagnostics);
        Assert.Equal("input/essay.md:3:1: error MG0110: unknown field 'auther'", error.ToString());
        Assert.Equal("did you mean 'author'?", error.Hint);
    }

    [Fact]
    public void Missing_required_fields_are_each_reported()
    {
        var (info, diagnostics) = Read("publisher: P\n");

        Assert.Null(info);
        Assert.Equal(
            ["required field 'author' is missing", "required field 'language' is missing", "required field 'title' is missing"],
            diagnostics.Select(d => d.Message));
        Assert.All(diagnostics, d => Assert.Equal("MG0111", d.Code.Id));
    }

    [Theory]
    [InlineData("title-is-editorial: yes\n", "'title-is-editorial' must be true or false, not 'yes'")]
    [InlineData("language: english\n", "'language' must be a BCP 47 language tag such as 'en' or 'en-GB', not 'english'")]
    [InlineData("published: 30 June 2025\n", "'published' must be a date written YYYY-MM-DD, not '30 June 2025'")]
    public void A_value_of_the_wrong_form_is_an_error_saying_what_is_expected(string line, string message)
    {
        var yaml = "title: T\nauthor: A\n" + (line.StartsWith("language", StringComparison.Ordinal) ? line : "language: en\n" + line);

        var (info, diagnostics) = Read(yaml);

        Assert.Null(info);
        var error = Assert.Single(diagnostics);
        Assert.Equal("MG0112", error.Code.Id);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Corrections_are_read_in_date_order()
    {
        var (info, diagnostics) = Read("title: T\nauthor: A\nlanguage: en\ncorrections:\n  - date: 2026-12-02\n    change: \"Fixed 'remarkebly'.\"\n  - date: 2026-11-30\n    change: \"Restored a dropped word.\"\n");

        Assert.Empty(diagnostics);
        Assert.Equal(
            [new EssayCorrection(new DateOnly(2026, 11, 30), "Restored a dropped word."), new EssayCorrection(new DateOnly(2026, 12, 2), "Fixed 'remarkebly'.")],
            info!.Corrections);
    }

    [Fact]
    public void A_correction_without_a_date_or_with_an_unknown_field_is_an_error_at_its_line()
    {
        var (info, diagnostics) = Read("title: T\nauthor: A\nlanguage: en\ncorrections:\n  - change: \"Something.\"\n  - date: 2026-12-02\n    what: \"Else.\"\n");

        Assert.Null(info);
        Assert.Contains(diagnostics, d => d.Code.Id == "MG0111" && d.Message.Contains("'date'", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.ToString() == "input/essay.md:8:5: error MG0110: unknown field 'what'");
    }
}

using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Glossary;

namespace Marginalia.Tests.Glossary;

public class TermParserTests
{
    private static (TermFile? Term, IReadOnlyList<Diagnostic> Diagnostics) Read(string frontMatter, string body = "Entry.\n")
    {
        var diagnostics = new DiagnosticBag();
        var term = TermParser.Read(new SourceText("/x/wto.md", "input/glossary/wto.md", $"---\n{frontMatter}---\n{body}"), Path.GetTempPath(), diagnostics);
        return (term, diagnostics.Sorted());
    }

    [Fact]
    public void A_complete_term_is_read_into_the_contract_fields()
    {
        var (file, diagnostics) = Read("term: \"World Trade Organization\"\naliases: [\"WTO\", \"the WTO\"]\ncase: sensitive\nshort: \"The body for trade rules.\"\nauthor: octo-cat\ncreated: 2026-11-27\nsources:\n  - title: \"WTO\"\n    url: \"https://www.wto.org/\"\n");

        Assert.Empty(diagnostics);
        var term = file!.Term;
        Assert.Equal(("wto", "World Trade Organization", true, "The body for trade rules."), (term.Id, term.Term, term.CaseSensitive, term.Definition));
        Assert.Equal(["World Trade Organization", "WTO", "the WTO"], term.Forms);
        Assert.Equal([(2, 7), (3, 11), (3, 18)], file.FormAt.Select(l => (l.Line, l.Column)));
        Assert.Equal("tip-wto", term.TipId);
    }

    [Theory]
    [InlineData("short: \"A <b>bold</b> claim.\"\n", "'short' must be plain text, without HTML or Markdown markup")]
    [InlineData("short: \"A *bold* claim.\"\n", "'short' must be plain text, without HTML or Markdown markup")]
    [InlineData("case: Sensitive\n", "'case' must be 'sensitive' or 'insensitive', not 'Sensitive'")]
    [InlineData("aliases: \"WTO\"\n", "'aliases' must be a list, e.g. aliases: [\"WTO\"]")]
    [InlineData("definition: \"x\"\n", "unknown field 'definition'")]
    public void A_bad_field_is_an_error_at_its_line(string line, string message)
    {
        var fields = "term: \"WTO\"\nauthor: a\n" + (line.StartsWith("short", StringComparison.Ordinal) ? line : "short: \"The trade body.\"\n" + line);

        var (term, diagnostics) = Read(fields);

        Assert.True(term is null or { Rejected: true }, "a file with errors is never published");
        Assert.Equal(message, Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void A_short_definition_over_200_characters_is_refused_at_its_line()
    {
        var (term, diagnostics) = Read($"term: \"WTO\"\nshort: \"{new string('x', 201)}\"\nauthor: a\n");

        Assert.True(term is null or { Rejected: true }, "a file with errors is never published");
        var error = Assert.Single(diagnostics);
        Assert.Equal(("MG0112", 3, "'short' is 201 characters long; at most 200 are allowed"), (error.Code.Id, error.Location.Line, error.Message));
    }

    [Fact]
    public void Missing_term_short_and_author_are_each_reported()
    {
        var (term, diagnostics) = Read("created: 2026-11-27\n");

        Assert.True(term is null or { Rejected: true }, "a file with errors is never published");
        Assert.Equal(["required field 'author' is missing", "required field 'short' is missing", "required field 'term' is missing"], diagnostics.Select(d => d.Message));
    }

    [Fact]
    public void The_body_follows_the_rules_for_untrusted_content()
    {
        var (term, diagnostics) = Read("term: \"WTO\"\nshort: \"The trade body.\"\nauthor: a\n", "See [this](javascript:alert(1)).\n");

        Assert.True(term is null or { Rejected: true }, "a file with errors is never published");
        Assert.Equal("MG0608", Assert.Single(diagnostics).Code.Id);
    }
}

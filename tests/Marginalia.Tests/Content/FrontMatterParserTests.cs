using Marginalia.Content;
using Marginalia.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Marginalia.Tests.Content;

public class FrontMatterParserTests
{
    private static (FrontMatter? Result, IReadOnlyList<Diagnostic> Diagnostics) Parse(string text)
    {
        var diagnostics = new DiagnosticBag();
        var result = FrontMatterParser.Parse(new SourceText("/x/note.md", "input/note.md", text), diagnostics);
        return (result, diagnostics.Sorted());
    }

    [Fact]
    public void Fields_and_body_are_split_and_the_body_line_is_known()
    {
        var (result, diagnostics) = Parse("---\ntitle: \"A: B\"\nauthor: x\n---\nBody *text*.\n");

        Assert.Empty(diagnostics);
        Assert.Equal("A: B", ((YamlScalarNode)result!.Fields.Children[new YamlScalarNode("title")]).Value);
        Assert.Equal("Body *text*.\n", result.Body);
        Assert.Equal(5, result.BodyLine);
    }

    [Fact]
    public void A_value_with_an_unquoted_colon_is_an_error_at_its_line_with_a_hint_to_quote_it()
    {
        // Given line 3 holds an unquoted ': ' inside a value
        var (result, diagnostics) = Parse("---\nauthor: someone\nquote: India: a project\n---\nBody\n");

        var error = Assert.Single(diagnostics);
        Assert.Null(result);
        Assert.Equal("MG0106", error.Code.Id);
        Assert.Equal(3, error.Location.Line);
        Assert.Equal(13, error.Location.Column);
        Assert.Equal("put the whole value in double quotes: quote: \"India: a project\"", error.Hint);
    }

    [Fact]
    public void A_file_without_front_matter_is_an_error_at_its_start()
    {
        var (result, diagnostics) = Parse("Just text.\n");

        Assert.Null(result);
        Assert.Equal("input/note.md:1:1: error MG0104: the file must start with front matter: a '---' line, 'field: value' lines, and a closing '---' line",
            Assert.Single(diagnostics).ToString());
    }

    [Theory]
    [InlineData("---\ntitle: x\nBody\n")]
    [InlineData("---")]
    public void Front_matter_that_never_closes_is_an_error(string text)
    {
        var (result, diagnostics) = Parse(text);

        Assert.Null(result);
        Assert.Equal("MG0105", Assert.Single(diagnostics).Code.Id);
    }

    [Fact]
    public void Anchors_and_aliases_are_refused_before_any_node_is_built()
    {
        var (result, diagnostics) = Parse("---\na: &x [1, 2]\nb: *x\n---\n");

        Assert.Null(result);
        var error = Assert.Single(diagnostics);
        Assert.Equal("MG0107", error.Code.Id);
        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void Yaml_nested_too_deeply_is_refused()
    {
        var nested = string.Concat(Enumerable.Repeat("[", 50)) + string.Concat(Enumerable.Repeat("]", 50));
        var (result, diagnostics) = Parse($"---\na: {nested}\n---\n");

        Assert.Null(result);
        Assert.Equal("MG0108", Assert.Single(diagnostics).Code.Id);
    }

    [Fact]
    public void A_field_given_twice_is_an_error_at_the_second()
    {
        var (result, diagnostics) = Parse("---\ntitle: a\nauthor: b\ntitle: c\n---\n");

        Assert.Null(result);
        var error = Assert.Single(diagnostics);
        Assert.Equal("MG0113", error.Code.Id);
        Assert.Equal(4, error.Location.Line);
    }

    [Fact]
    public void Front_matter_that_is_a_list_is_an_error()
    {
        var (result, diagnostics) = Parse("---\n- a\n- b\n---\n");

        Assert.Null(result);
        Assert.Equal("input/note.md:2:1: error MG0109: expected 'field: value' lines", Assert.Single(diagnostics).ToString());
    }
}

using Marginalia.Annotations;
using Marginalia.Content;
using Marginalia.Diagnostics;

namespace Marginalia.Tests.Content;

/// <summary>Front matter is untrusted: YAML's anchors, aliases and tags, and deep nesting, are refused where they are written.</summary>
public class SafeYamlTests
{
    private static (NoteFile? Note, IReadOnlyList<Diagnostic> Diagnostics) ReadNote(string frontMatter)
    {
        var diagnostics = new DiagnosticBag();
        var text = $"---\n{frontMatter}author: octo-cat\ncreated: 2026-11-27\n---\nBody.\n";
        var note = NoteParser.Read(new SourceText("/x/n.md", "input/annotations/n.md", text), Path.GetTempPath(), diagnostics);
        return (note, diagnostics.Sorted());
    }

    [Fact]
    public void An_anchor_in_a_note_is_refused_at_its_line_and_column()
    {
        var (note, diagnostics) = ReadNote("quote: &q \"India’s Bhashini project\"\n");

        Assert.Null(note);
        var error = Assert.Single(diagnostics);
        Assert.Equal("input/annotations/n.md:2:8: error MG0107: YAML anchor '&q' is not allowed", error.ToString());
        Assert.Equal("if the '&' is part of the text, put the whole value in double quotes: \"&…\"; otherwise write the value out in full", error.Hint);
    }

    [Fact]
    public void An_alias_in_a_note_is_refused_at_its_line_and_column()
    {
        // A billion-laughs document starts with an anchor; an alias alone (to nothing) is refused just the same
        var (note, diagnostics) = ReadNote("quote: \"India’s Bhashini project\"\nprefix: *q\n");

        Assert.Null(note);
        Assert.Equal("input/annotations/n.md:3:9: error MG0107: YAML alias '*q' is not allowed", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void A_billion_laughs_document_is_refused_at_its_first_anchor_without_expanding_anything()
    {
        var laughs = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
            + string.Concat(Enumerable.Range(0, 9).Select(i => $"{(char)('b' + i)}: &{(char)('b' + i)} [*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)}]\n"));
        var diagnostics = new DiagnosticBag();

        var mapping = SafeYaml.LoadMapping(laughs, "input/site.yml", 1, diagnostics);

        Assert.Null(mapping);
        Assert.Equal("input/site.yml:1:4: error MG0107: YAML anchor '&a' is not allowed", Assert.Single(diagnostics.Sorted()).ToString());
    }

    [Fact]
    public void A_tag_in_a_note_is_refused()
    {
        var (note, diagnostics) = ReadNote("quote: !!binary aGVsbG8=\n");

        Assert.Null(note);
        Assert.Equal("input/annotations/n.md:2:8: error MG0107: YAML tag 'tag:yaml.org,2002:binary' is not allowed", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void Nesting_of_8_levels_is_read_and_9_is_refused_at_the_ninth()
    {
        // The root mapping is level 1, so seven nested lists make 8 levels and eight make 9
        var eight = new DiagnosticBag();
        var nine = new DiagnosticBag();

        var ok = SafeYaml.LoadMapping("a: [[[[[[[1]]]]]]]\n", "input/site.yml", 1, eight);
        var deep = SafeYaml.LoadMapping("a: [[[[[[[[1]]]]]]]]\n", "input/site.yml", 1, nine);

        Assert.NotNull(ok);
        Assert.Equal(0, eight.Count);
        Assert.Null(deep);
        Assert.Equal("input/site.yml:1:11: error MG0108: YAML is nested more than 8 levels deep", Assert.Single(nine.Sorted()).ToString());
    }

    [Fact]
    public void Deeply_nested_front_matter_in_a_note_is_refused_not_a_stack_overflow()
    {
        var nested = new string('[', 10_000) + new string(']', 10_000);

        var (note, diagnostics) = ReadNote($"quote: \"India’s Bhashini project\"\nsources: {nested}\n");

        Assert.Null(note);
        Assert.Equal("input/annotations/n.md:3:17: error MG0108: YAML is nested more than 8 levels deep", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void An_escape_of_half_a_surrogate_pair_before_an_accent_is_an_error_not_a_crash()
    {
        // Found by LoaderProperties: YamlDotNet throws ArgumentOutOfRangeException here, not a YamlException
        var (note, diagnostics) = ReadNote("kind: context\nquote: \"\\uD800\\u0301\"\n");

        Assert.Null(note);
        var error = Assert.Single(diagnostics);
        Assert.Equal("input/annotations/n.md:3:6: error MG0106: invalid YAML: cannot be read past this point", error.ToString());
        Assert.Equal("a \\u escape must name a whole character: write the character itself instead of a surrogate pair's halves", error.Hint);
    }

    [Fact]
    public void An_unclosed_flow_list_inside_a_list_is_an_error_not_a_crash()
    {
        // Found by LoaderProperties: YamlDotNet throws InvalidOperationException here, not a YamlException
        var diagnostics = new DiagnosticBag();

        var mapping = SafeYaml.LoadMapping("sources:\n  - title: [\nstarted: 2022\n", "input/initiatives/x.md", 2, diagnostics);

        Assert.Null(mapping);
        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal("input/initiatives/x.md:3:12: error MG0106: invalid YAML: cannot be read past this point", error.ToString());
        Assert.Equal("check that every '[' and '{' closes on the same line and every quote that opens also closes", error.Hint);
    }
}

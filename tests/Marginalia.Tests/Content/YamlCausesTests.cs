using Marginalia.Annotations;
using Marginalia.Content;
using Marginalia.Diagnostics;

namespace Marginalia.Tests.Content;

/// <summary>Front matter YAML that cannot be read is reported at its real cause, with a hint about that cause.</summary>
public class YamlCausesTests
{
    private static Diagnostic ReadError(string frontMatter)
    {
        var diagnostics = new DiagnosticBag();
        var text = $"---\n{frontMatter}---\nBody.\n";
        NoteParser.Read(new SourceText("/x/n.md", "input/annotations/n.md", text), Path.GetTempPath(), diagnostics);
        return Assert.Single(diagnostics.Sorted(), d => d.IsError);
    }

    private const string Rest = "author: jdoe\ncreated: 2026-11-27\n";

    [Theory]
    [InlineData("quote: \"new kinds of \"intelligent multilateralism.\"\"\n" + Rest, "MG0106", "2:22",
        "invalid YAML: the straight double quote (\") inside the value of 'quote' ends the value, which starts with one, so the rest of the line cannot be read",
        "write the inner quotes as typographic quotes “ ”, or escape each as \\\", or put the whole value in single quotes instead: quote: '…'")]
    [InlineData("quote: \"compute\" power\n" + Rest, "MG0106", "2:16",
        "invalid YAML: the straight double quote (\") inside the value of 'quote' ends the value, which starts with one, so the rest of the line cannot be read",
        "write the inner quotes as typographic quotes “ ”, or escape each as \\\", or put the whole value in single quotes instead: quote: '…'")]
    [InlineData("quote: 'it's compute power'\n" + Rest, "MG0106", "2:11",
        "invalid YAML: the apostrophe (') inside the value of 'quote' ends the value, which starts with a single quote, so the rest of the line cannot be read",
        "write the apostrophe twice ('') or as the typographic ’, or put the whole value in double quotes instead: quote: \"…\"")]
    [InlineData("quote: \"compute power\n" + Rest, "MG0106", "2:8",
        "invalid YAML: the double quote that opens the value of 'quote' is not closed on its line", "end the value with \" on the same line")]
    [InlineData("quote: \"compute power\"\n\tauthor: jdoe\ncreated: 2026-11-27\n", "MG0106", "3:1",
        "invalid YAML: a tab is used for indentation: YAML indentation must be spaces", "replace the tab with spaces (two for each level, as on the other lines)")]
    [InlineData("quote: \"compute power\"\nsources:\n\t- title: \"x\"\n" + Rest, "MG0106", "4:1",
        "invalid YAML: a tab is used for indentation: YAML indentation must be spaces", "replace the tab with spaces (two for each level, as on the other lines)")]
    [InlineData("quote: compute power: and talent\n" + Rest, "MG0106", "2:21",
        "invalid YAML: the ': ' in the value of 'quote' makes YAML read a second field on one line", "put the whole value in double quotes: quote: \"compute power: and talent\"")]
    [InlineData("quote: @compute power\n" + Rest, "MG0106", "2:8", "invalid YAML: a YAML value cannot start with '@'", "put the whole value in double quotes: quote: \"@compute power\"")]
    [InlineData("quote: `compute` power\n" + Rest, "MG0106", "2:8", "invalid YAML: a YAML value cannot start with '`'", "put the whole value in double quotes: quote: \"`compute` power\"")]
    [InlineData("quote: %compute power\n" + Rest, "MG0106", "2:8", "invalid YAML: a YAML value cannot start with '%'", "put the whole value in double quotes: quote: \"%compute power\"")]
    [InlineData("quote: > compute power\n" + Rest, "MG0106", "2:8",
        "invalid YAML: '>' at the start of a value begins a block of text on the lines below, so nothing may follow it on this line",
        "to start the text with '>', put the whole value in double quotes: quote: \"> compute power\"")]
    [InlineData("quote: | compute power\n" + Rest, "MG0106", "2:8",
        "invalid YAML: '|' at the start of a value begins a block of text on the lines below, so nothing may follow it on this line",
        "to start the text with '|', put the whole value in double quotes: quote: \"| compute power\"")]
    [InlineData("quote: *compute power\n" + Rest, "MG0107", "2:8", "YAML alias '*compute' is not allowed",
        "if the '*' is part of the text, put the whole value in double quotes: \"*…\"; otherwise write the value out in full")]
    [InlineData("quote: !compute power\n" + Rest, "MG0107", "2:8", "YAML tag '!compute' is not allowed",
        "if the '!' is part of the text, put the whole value in double quotes: \"!…\"; otherwise remove the tag")]
    [InlineData("quote: \"compute power\"\nkind: source\nsources:\n  -title: \"t\"\n  url: \"https://t.org\"\n" + Rest, "MG0112", "5:3",
        "'sources' must be a list ('- ' items): a list item needs a space after its '-'", "write '- ' at the start of each item of 'sources'")]
    [InlineData("quote: \"compute power\"\nkind: source\nsources:\n  - title: \"t\"\n    url: \"https://t.org\"\n  - url: \"https://u.org\"\n" + Rest, "MG0111", "7:5",
        "sources[2] has no 'title'", "add 'title:' to this item of the list")]
    public void The_real_cause_is_reported_at_its_column(string frontMatter, string code, string at, string message, string hint)
    {
        var error = ReadError(frontMatter);

        Assert.Equal(code, error.Code.Id);
        Assert.Equal(at, $"{error.Location.Line}:{error.Location.Column}");
        Assert.Equal(message, error.Message);
        Assert.Equal(hint, error.Hint);
    }
}

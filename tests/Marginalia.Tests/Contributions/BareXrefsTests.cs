using Marginalia.Contributions;
using Marginalia.Diagnostics;

namespace Marginalia.Tests.Contributions;

/// <summary>An xref written as text (or as an autolink) is a warning at its place with the link to write; links and code are left alone.</summary>
public class BareXrefsTests
{
    private static List<Diagnostic> Warnings(string markdown)
    {
        var diagnostics = new DiagnosticBag();
        ContributedMarkdown.Render(markdown, "input/annotations/x.md", 10, Path.GetTempPath(), diagnostics);
        return [.. diagnostics.Sorted().Where(d => d.Code.Id == "MG0624")];
    }

    [Theory]
    [InlineData("See xref:notes/wto-appellate-body for more.\n", "10:5", "xref:notes/wto-appellate-body")]
    [InlineData("Compare xref:glossary/tariff.\n", "10:9", "xref:glossary/tariff")]
    [InlineData("First line.\nThen xref:initiatives/bhashini, too.\n", "11:6", "xref:initiatives/bhashini")]
    [InlineData("As the essay says (xref:essay#p-3).\n", "10:20", "xref:essay#p-3")]
    [InlineData("- an item with xref:notes/a-b\n", "10:16", "xref:notes/a-b")]
    [InlineData("> quoted xref:notes/q\n", "10:10", "xref:notes/q")]
    [InlineData("See [the note][xref:notes/a] here.\n", "10:16", "xref:notes/a")]
    public void Plain_text_xrefs_are_a_warning_with_the_link_to_write(string markdown, string at, string xref)
    {
        var warning = Assert.Single(Warnings(markdown));

        Assert.Equal(at, $"{warning.Location.Line}:{warning.Location.Column}");
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal($"'{xref}' is plain text here, so readers see it as is: an xref works only as a link's address", warning.Message);
        Assert.Equal($"write it as a link with words to show: [the words]({xref})", warning.Hint);
    }

    [Fact]
    public void An_autolink_xref_is_a_warning_because_it_shows_its_address()
    {
        var warning = Assert.Single(Warnings("See <xref:notes/wto-appellate-body> here.\n"));

        Assert.Equal("10:5", $"{warning.Location.Line}:{warning.Location.Column}");
        Assert.Equal("<xref:notes/wto-appellate-body> links, but readers see the address 'xref:notes/wto-appellate-body' as its text", warning.Message);
        Assert.Equal("write it as a link with words to show: [the words](xref:notes/wto-appellate-body)", warning.Hint);
    }

    [Theory]
    [InlineData("See [the note](xref:notes/a).\n")]
    [InlineData("See [xref:notes/a](xref:notes/a).\n")]
    [InlineData("See [the note][n].\n\n[n]: xref:notes/a\n")]
    [InlineData("Write `xref:notes/a` in a link.\n")]
    [InlineData("```\nxref:notes/a\n```\n")]
    [InlineData("    xref:notes/a\n")]
    [InlineData("A word like prefxref:notes/a or https://x.test/xref:notes/a is no xref.\n")]
    public void Links_code_and_other_words_are_left_alone(string markdown)
    {
        Assert.Empty(Warnings(markdown));
    }
}

using Marginalia.Contributions;
using Marginalia.Diagnostics;

namespace Marginalia.Tests.Contributions;

/// <summary>Raw HTML: one error per element (an unmatched closing tag gets its own), with the Markdown that does the same.</summary>
public class RawHtmlTests
{
    private static IReadOnlyList<Diagnostic> Render(string markdown, bool allowHeadings = false)
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(ContributedMarkdown.Render(markdown, "input/annotations/x.md", 10, Path.GetTempPath(), diagnostics, allowHeadings));
        return diagnostics.Sorted();
    }

    [Theory]
    [InlineData("A <b>bold</b> claim.\n", "10:3", "raw HTML <b> is not allowed in a contribution", "write **bold** instead")]
    [InlineData("A <strong>bold</strong> claim.\n", "10:3", "raw HTML <strong> is not allowed in a contribution", "write **bold** instead")]
    [InlineData("An <i>aside</i>.\n", "10:4", "raw HTML <i> is not allowed in a contribution", "write *emphasis* instead")]
    [InlineData("An <em>aside</em>.\n", "10:4", "raw HTML <em> is not allowed in a contribution", "write *emphasis* instead")]
    [InlineData("See <a href=\"https://oecd.ai/\">the OECD</a>.\n", "10:5", "raw HTML <a> is not allowed in a contribution", "write a Markdown link instead: [text](https://oecd.ai/)")]
    [InlineData("Run <code>make</code>.\n", "10:5", "raw HTML <code> is not allowed in a contribution", "write `code` between backticks instead")]
    [InlineData("One<br>two.\n", "10:4", "raw HTML <br> is not allowed in a contribution", "for a line break, end the line with a backslash (\\); for a new paragraph, leave a blank line")]
    [InlineData("Text.\n\n<ul>\n<li>one</li>\n</ul>\n", "12:1", "raw HTML <ul> is not allowed in a contribution", "write a list instead: each item on its own line starting with '- ' (or '1. ')")]
    [InlineData("Text.\n\n<h2>Title</h2>\n", "12:1", "raw HTML <h2> is not allowed in a contribution", "headings are not allowed in notes and glossary entries; start a new paragraph, with **bold** words if it needs a title")]
    [InlineData("A <img src=\"x.png\"> picture.\n", "10:3", "raw HTML <img> is not allowed in a contribution", "show an image in Markdown instead: ![description](media/name.png), with the file in input/media/")]
    [InlineData("E = mc<sup>2</sup>.\n", "10:7", "raw HTML <sup> is not allowed in a contribution", "superscript and subscript are not available: write the character itself (², ₂, ™) or the words (\"squared\")")]
    [InlineData("A <span class=\"x\">word</span>.\n", "10:3", "raw HTML <span> is not allowed in a contribution", "remove the <span> tags and keep the text: the site styles contributions itself")]
    [InlineData("Text.\n\n<div>\nblock\n</div>\n", "12:1", "raw HTML <div> is not allowed in a contribution", "remove the <div> tags and keep the text: the site styles contributions itself")]
    [InlineData("Hi <script>alert(1)</script> there.\n", "10:4", "raw HTML <script> is not allowed in a contribution", "remove it: a contribution cannot run scripts, add styles or embed content; link to the page instead: [text](https://…)")]
    [InlineData("<style>p{}</style>\n", "10:1", "raw HTML <style> is not allowed in a contribution", "remove it: a contribution cannot run scripts, add styles or embed content; link to the page instead: [text](https://…)")]
    [InlineData("Text <!-- for reviewers --> here.\n", "10:6", "an HTML comment is not allowed in a contribution: readers would not see it, but it would be published", "remove it; a note to reviewers belongs in the pull request's description")]
    [InlineData("Text.\n\n<!-- for reviewers -->\n", "12:1", "an HTML comment is not allowed in a contribution: readers would not see it, but it would be published", "remove it; a note to reviewers belongs in the pull request's description")]
    public void Each_element_is_one_error_with_the_markdown_that_writes_it(string markdown, string at, string message, string hint)
    {
        var error = Assert.Single(Render(markdown));

        Assert.Equal("MG0607", error.Code.Id);
        Assert.Equal(at, $"{error.Location.Line}:{error.Location.Column}");
        Assert.Equal(message, error.Message);
        Assert.Equal(hint, error.Hint);
    }

    [Theory]
    [InlineData("A <b>bold</b> and <i>it</i>.\n", "10:3 <b>", "10:19 <i>")]
    [InlineData("Unclosed <b>bold.\n", "10:10 <b>")]
    [InlineData("Stray </b> tag.\n", "10:7 </b>")]
    [InlineData("<b>x</b></b>\n", "10:1 <b>", "10:9 </b>")]
    [InlineData("A <b><i>both</i></b> and <b>again</b>.\n", "10:3 <b>", "10:6 <i>", "10:26 <b>")]
    [InlineData("A <b>bold\nacross</b> lines.\n", "10:3 <b>")]
    [InlineData("Text.\n\n<table><tr><td>a</td></tr></table>\n\n<li>stray item</li>\n", "12:1 <table>", "14:1 <li>")]
    public void Tags_pair_into_elements_and_a_stray_closing_tag_is_its_own(string markdown, params string[] expected)
    {
        var found = Render(markdown).Select(d => $"{d.Location.Line}:{d.Location.Column} {(d.Message.Contains("closing tag", StringComparison.Ordinal) ? d.Message.Split('\'')[1] : d.Message.Split(' ')[2])}");

        Assert.Equal(expected, found);
    }

    [Fact]
    public void An_initiative_is_told_how_to_write_a_heading()
    {
        var error = Assert.Single(Render("Text.\n\n<h3>Funding</h3>\n", allowHeadings: true));

        Assert.Equal("write the heading in Markdown instead: '## Heading' on its own line", error.Hint);
    }
}

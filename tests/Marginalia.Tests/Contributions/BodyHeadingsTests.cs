using System.Text.RegularExpressions;

namespace Marginalia.Tests.Contributions;

/// <summary>
/// Headings in bodies: refused in notes and glossary terms (MG0621 at each heading); in an initiative's page made
/// relative, from h2 under the page's h1, never skipping a level, at most three levels deep.
/// </summary>
public class BodyHeadingsTests
{
    [Theory]
    [InlineData("# Title\n\nText.\n", "MG0621 10:1")]
    [InlineData("Text.\n\n## Part\n", "MG0621 12:1")]
    [InlineData("###### Small\n\nText.\n", "MG0621 10:1")]
    [InlineData("Title\n=====\n\nText.\n", "MG0621 10:1")]
    [InlineData("Text.\n\nPart\n----\n", "MG0621 12:1")]
    [InlineData("Text.\n\nA part\nin two lines\n---\n", "MG0621 12:1")]
    [InlineData("> # Quoted\n", "MG0621 10:3")]
    [InlineData("- # Listed\n", "MG0621 10:3")]
    [InlineData("# One\n\n# Two\n", "MG0621 10:1,MG0621 12:1")]
    public void A_heading_in_a_note_or_a_term_is_refused(string body, string expected)
    {
        var (rendered, errors) = BodyRendering.Render(body);
        Assert.Null(rendered);
        Assert.Equal(expected.Split(','), errors);
    }

    [Theory]
    [InlineData("# A\n\nText.\n", "h2")]
    [InlineData("## A\n\nText.\n", "h2")]
    [InlineData("###### A\n\nText.\n", "h2")]
    [InlineData("# A\n\n## B\n\n### C\n", "h2,h3,h4")]
    [InlineData("# A\n\n### B\n\n###### C\n", "h2,h3,h4")]
    [InlineData("### A\n\n# B\n\n## C\n", "h2,h2,h3")]
    [InlineData("## A\n\n#### B\n\n### C\n\n## D\n", "h2,h3,h3,h2")]
    [InlineData("A\n=\n\nB\n-\n", "h2,h3")]
    [InlineData("> # Quoted\n\n# Top\n", "h2,h2")]
    public void An_initiative_keeps_its_headings_relative_under_the_page_title(string body, string expected)
    {
        var (rendered, errors) = BodyRendering.Render(body, allowHeadings: true);
        Assert.Empty(errors);
        Assert.Equal(expected.Split(','), Regex.Matches(rendered!.Html, "<(h[1-6])>").Select(m => m.Groups[1].Value));
    }

    [Theory]
    [InlineData("# A\n\n## B\n\n### C\n\n#### D\n", "MG0621 16:1")]
    [InlineData("## A\n\n### B\n\n#### C\n\n##### D\n\n###### E\n", "MG0621 16:1,MG0621 18:1")]
    public void An_initiative_with_headings_more_than_three_levels_deep_is_refused(string body, string expected)
    {
        var (rendered, errors) = BodyRendering.Render(body, allowHeadings: true);
        Assert.Null(rendered);
        Assert.Equal(expected.Split(','), errors);
    }
}

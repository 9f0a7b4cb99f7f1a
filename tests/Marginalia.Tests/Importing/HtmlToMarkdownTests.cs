using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Diagnostics;
using Marginalia.Importing;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Importing;

/// <summary>
/// HtmlToMarkdown's promise is a round trip: the HTML of any body the renderer accepts converts to Markdown that
/// renders to that same HTML. Checked over the committed bodies and hand-written ones; conversions of foreign HTML
/// are checked by their output.
/// </summary>
public class HtmlToMarkdownTests
{
    internal static readonly string Media = MediaFolder();

    private static string MediaFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "marginalia-h2m-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "figures"));
        File.WriteAllBytes(Path.Combine(folder, "x.png"), []);
        File.WriteAllBytes(Path.Combine(folder, "figures", "chart-1.svg"), []);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return folder;
    }

    /// <summary>The body's HTML, or null with its errors.</summary>
    internal static (string? Html, string Errors) Render(string markdown, bool allowHeadings = false)
    {
        var diagnostics = new DiagnosticBag();
        var body = ContributedMarkdown.Render(markdown, "t.md", 1, Media, diagnostics, allowHeadings);
        return (body?.Html, string.Join("; ", diagnostics.Sorted().Where(d => d.IsError).Select(d => $"{d.Code.Id} {d.Message}")));
    }

    internal static void AssertRoundTrip(string markdown, bool allowHeadings = false)
    {
        var (html, errors) = Render(markdown, allowHeadings);
        Assert.True(html is not null, $"the original body does not render: {errors}");
        var converted = HtmlToMarkdown.Convert(html, allowHeadings);
        var (again, againErrors) = Render(converted, allowHeadings);
        Assert.True(again is not null, $"the converted body does not render: {againErrors}\n--- converted:\n{converted}");
        if (html != again)
        {
            var at = Enumerable.Range(0, Math.Min(html.Length, again.Length)).FirstOrDefault(i => html[i] != again[i], Math.Min(html.Length, again.Length));
            var from = Math.Max(0, at - 80);
            Assert.Fail($"--- original:\n{markdown}\n--- converted:\n{converted}\n--- html from {from}:\n{html[from..Math.Min(html.Length, at + 80)]}\n--- html again:\n{again[from..Math.Min(again.Length, at + 80)]}");
        }
    }

    public static TheoryData<string, bool> CommittedBodies()
    {
        var data = new TheoryData<string, bool>();
        foreach (var (folder, headings) in new[] { ("annotations", false), ("glossary", false), ("questions", false), ("initiatives", true) })
        {
            var path = Path.Combine(RepoPaths.Input, folder);
            if (!Directory.Exists(path))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(path, "*.md").Order(StringComparer.Ordinal))
            {
                data.Add($"{folder}/{Path.GetFileName(file)}", headings);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CommittedBodies))]
    public void Every_committed_body_round_trips(string file, bool allowHeadings)
    {
        // Given a committed note, term, question or initiative
        var path = Path.Combine(RepoPaths.Input, file);
        var diagnostics = new DiagnosticBag();
        var frontMatter = FrontMatterParser.Parse(new SourceText(path, "input/" + file, File.ReadAllText(path)), diagnostics);
        Assert.NotNull(frontMatter);

        // When its HTML is converted back and rendered, Then the HTML is the same
        AssertRoundTrip(frontMatter.Body, allowHeadings);
    }

    [Fact]
    public void The_committed_bodies_are_found()
    {
        Assert.True(CommittedBodies().Count >= 40, "the theory above must run over the real input/");
    }

    [Theory]
    [InlineData("Plain text.")]
    [InlineData("One paragraph.\n\nAnother paragraph.")]
    [InlineData("A soft\nline break and a hard  \nline break, and a backslash one\\\nhere.")]
    [InlineData("*Emphasis*, **strong**, ***both***, *a **b** c*, **a *b* c**, *a*_b_ and **a**_b_.")]
    [InlineData("**_a_** and _**b**_ and *x _nested_ y* and __a **b** c__.")]
    [InlineData("[A link](https://example.org/a_b?x=1&y=2) and [*emphasis* inside](http://example.org) and *[a link](https://x.test) inside*.")]
    [InlineData("[Title](https://example.org \"a \\\"title\\\"\") and [mail](mailto:a@b.test) and <https://example.org/auto> and <a@b.test>.")]
    [InlineData("See [the note](xref:notes/bhashini-project) and [the essay](xref:essay#p-3).")]
    [InlineData("[Parens](https://en.wikipedia.org/wiki/Foo_(bar)) and [spaces](https://x.test/a%20b).")]
    [InlineData("Code: `a`, ``a ` b``, ` `` `, `<b>&amp;`, `*x*`.")]
    [InlineData("```\ncode with ``` inside\n<b>not html</b>\n\n  indented\n```")]
    [InlineData("````text\n```\n````")]
    [InlineData("    indented code\n    block")]
    [InlineData("Stars \\* and \\_underscores\\_ and \\<tag\\> and &amp;amp; and &lt; and \\[x\\] and \\\\ and a\\`tick.")]
    [InlineData("\\# not a heading\n\n\\- not a list\n\n1\\. not a list\n\n2\\) nor this\n\n\\+ nor this\n\n\\> nor a quote")]
    [InlineData("a line\n\\# with a hash\n\\- and a dash\n10\\. and a number\n\\=== and equals")]
    [InlineData("\"Typographic\" quotes, it's, 'single', -- and --- and ... as typed.")]
    [InlineData("Escaped \\\"straight\\\" quotes and \\-\\- and \\.\\.\\. stay.")]
    [InlineData("Curly “quotes” ‘here’ – — … and a no-break\u00A0space and &nbsp; and © and 😀.")]
    [InlineData("An exclamation!\\[not a link\\] and wow\\![link](https://x.test).")]
    [InlineData("- one\n- two\n- three")]
    [InlineData("1. one\n2. two\n\n   two's second paragraph\n3. three")]
    [InlineData("3. three\n4. four")]
    [InlineData("- a\n  - b\n    - c\n  - d\n- e")]
    [InlineData("1. a\n   - b\n   - c\n2. d")]
    [InlineData("- a\n\n- b\n\n  > quoted\n- c")]
    [InlineData("- a\n- b\n\n* c\n* d\n\n1. e\n\n1) f")]
    [InlineData("- ```\n  code in item\n  ```\n- b")]
    [InlineData("> a quote\n> on two lines\n>\n> > nested\n\n> another quote")]
    [InlineData("> - list in quote\n> - two\n>\n> ```\n> code in quote\n> ```")]
    [InlineData("before\n\n---\n\nafter\n\n***")]
    [InlineData("![A chart](media/x.png) and ![](media/figures/chart-1.svg \"its title\") and [![linked](media/x.png)](https://x.test).")]
    [InlineData("| a | b | c |\n|:--|:-:|--:|\n| 1 | *2* | `3` |\n| x \\| y | [l](https://x.test) | |")]
    [InlineData("| h |\n|---|\n| v |")]
    [InlineData("| h | i |\n|---|---|\n| v |")]
    [InlineData("Text & more & &copy; written as &amp;copy; here: \\&copy;.")]
    [InlineData("A *“quoted”* word and **bold**: and (*parenthesised*).")]
    [InlineData("Trailing hash #\n\nand a #tag mid text.")]
    [InlineData("Underscores in snake_case_words and 2*3*4 maths.")]
    public void A_hand_written_body_round_trips(string markdown)
    {
        AssertRoundTrip(markdown);
    }

    [Theory]
    [InlineData("## Section\n\nText.\n\n### Sub *section*\n\nMore.")]
    [InlineData("# Top\n\n## Under\n\n# Again")]
    public void An_initiative_body_with_headings_round_trips(string markdown)
    {
        AssertRoundTrip(markdown, allowHeadings: true);
    }

    [Theory]
    [InlineData("<h2>Results</h2><p>Text</p>", "**Results**\n\nText")]
    [InlineData("<p>a<del>b</del><s>c</s><u>d</u><sub>2</sub><sup>3</sup><mark>e</mark><span>f</span></p>", "abcd23ef")]
    [InlineData("<div>one</div><div>two <b>three</b></div>", "one\n\ntwo **three**")]
    [InlineData("<p>\n   Hello\n   <em> world </em>!\n</p>", "Hello\n*world* !")]
    [InlineData("<p>x <a href=\"ftp://x.test/f\">file</a> and <a>anchor</a> and <a href=\"/relative\">rel</a></p>", "x file and anchor and rel")]
    [InlineData("<p><img src=\"https://x.test/a.png\" alt=\"A chart\"> <img src=\"https://x.test/b.png\"> <img src=\"../c.png\" alt=\"C\"></p>", "[A chart](https://x.test/a.png) [https://x.test/b.png](https://x.test/b.png) C")]
    [InlineData("<ol start=\"7\"><li>seven</li><li>eight</li></ol>", "7. seven\n8. eight")]
    [InlineData("<p>1. not a list</p><p># not a heading</p>", "1\\. not a list\n\n\\# not a heading")]
    [InlineData("<pre><code>a ``` b\n</code></pre>", "````\na ``` b\n````")]
    [InlineData("<table><tr><td class=\"align-right\">a|b</td></tr><tr><td>c</td></tr></table>", "| a\\|b |\n| --: |\n| c |")]
    [InlineData("<p>a<br>b<br></p>", "a\\\nb")]
    public void Foreign_html_converts_to_the_expected_markdown(string html, string markdown)
    {
        Assert.Equal(markdown, HtmlToMarkdown.Convert(html));
    }

    [Fact]
    public void A_heading_is_kept_as_a_heading_when_headings_are_allowed()
    {
        Assert.Equal("### Results\n\nText", HtmlToMarkdown.Convert("<h3>Results</h3><p>Text</p>", allowHeadings: true));
    }
}

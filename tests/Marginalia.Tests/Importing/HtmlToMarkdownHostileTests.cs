using System.Diagnostics;
using System.Text;
using Marginalia.Importing;

namespace Marginalia.Tests.Importing;

/// <summary>
/// Imported HTML is untrusted: whatever it holds, the Markdown that comes out carries no script, no javascript: or
/// data: address, renders without error, and is produced without exhausting the stack or the clock.
/// </summary>
public class HtmlToMarkdownHostileTests
{
    private static void AssertHarmless(string markdown)
    {
        Assert.DoesNotContain("javascript:", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onload", markdown, StringComparison.OrdinalIgnoreCase);
        var (html, errors) = HtmlToMarkdownTests.Render(markdown);
        Assert.True(html is not null, $"the converted body does not render: {errors}\n{markdown}");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>text", "text")]
    [InlineData("<p>text<img src=x onerror=alert(1)></p>", "text")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "x")]
    [InlineData("<a href=\"JaVaScRiPt:alert(1)\">x</a>", "x")]
    [InlineData("<a href=\" javascript:alert(1)\">x</a>", "x")]
    [InlineData("<a href=\"&#106;avascript:alert(1)\">x</a>", "x")]
    [InlineData("<a href=\"&#x6A;avascript&colon;alert(1)\">x</a>", "x")]
    [InlineData("<a href=\"java\tscript:alert(1)\">x</a>", "x")]
    [InlineData("<a href=\"data:text/html,<script>alert(1)</script>\">x</a>", "x")]
    [InlineData("<p>a<img src=\"data:image/png;base64,AAAA\" alt=\"pic\">b</p>", "apicb")]
    [InlineData("<iframe src=\"https://x.test\"></iframe>text", "text")]
    [InlineData("<style>p{color:red}</style>text", "text")]
    [InlineData("<svg onload=\"alert(1)\"><circle r=\"1\"/></svg>text", "text")]
    [InlineData("<math><mi>x</mi></math>text", "text")]
    [InlineData("<p onclick=\"alert(1)\" style=\"color:red\">text</p>", "text")]
    [InlineData("<form action=\"javascript:alert(1)\"><input value=\"v\"><button>go</button></form>text", "gotext")]
    public void Hostile_html_converts_to_harmless_markdown(string html, string expected)
    {
        var markdown = HtmlToMarkdown.Convert(html);
        Assert.Equal(expected, markdown);
        AssertHarmless(markdown);
    }

    [Theory]
    [InlineData("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", "\\<script\\>alert(1)\\</script\\>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("<p>[x](javascript:alert(1))</p>", "\\[x\\](javascript:alert(1))", "[x](javascript:alert(1))")]
    [InlineData("<p>&lt;a href=\"javascript:x\"&gt;y&lt;/a&gt;</p>", "\\<a href=\\\"javascript:x\\\"\\>y\\</a\\>", "&lt;a href=\"javascript:x\"&gt;y&lt;/a&gt;")]
    public void Text_that_looks_like_markup_stays_text(string html, string expected, string shown)
    {
        // Given text that spells markup or a Markdown link, When converted, Then it is escaped
        var markdown = HtmlToMarkdown.Convert(html);
        Assert.Equal(expected, markdown);

        // And it renders as that same text, with no element made of it
        var (rendered, errors) = HtmlToMarkdownTests.Render(markdown);
        Assert.True(rendered is not null, errors);
        Assert.Equal($"<p>{shown}</p>", rendered.Trim());
    }

    [Theory]
    [InlineData("b")]
    [InlineData("div")]
    [InlineData("em")]
    [InlineData("blockquote")]
    [InlineData("ul><li")]
    [InlineData("span")]
    [InlineData("a href=\"https://x.test\"")]
    public void Five_thousand_nested_elements_convert_without_exhausting_the_stack(string open)
    {
        // Given 5,000 nested elements around one word
        var name = open.Split(' ', '>')[0];
        var close = open.StartsWith("ul", StringComparison.Ordinal) ? "</li></ul>" : $"</{name}>";
        var html = string.Concat(Enumerable.Repeat($"<{open}>", 5_000)) + "deep" + string.Concat(Enumerable.Repeat(close, 5_000));

        // When converted (on a thread with a small stack, as a worker thread might have)
        string? markdown = null;
        var thread = new Thread(() => markdown = HtmlToMarkdown.Convert(html), 4 * 1024 * 1024);
        thread.Start();
        thread.Join();

        // Then the word is kept and the body renders
        Assert.NotNull(markdown);
        Assert.Contains("deep", markdown, StringComparison.Ordinal);
        AssertHarmless(markdown);
    }

    [Fact]
    public void A_one_megabyte_body_converts_in_linear_time()
    {
        // Given about 1 MB of paragraphs with emphasis, links and escapes
        var piece = "<p>Some <em>text</em> with a <a href=\"https://x.test/a\">link</a>, a * star, a &lt;tag&gt; and <code>code</code>.</p>\n";
        var html = new StringBuilder();
        while (html.Length < 1_000_000)
        {
            html.Append(piece);
        }

        // When converted
        var clock = Stopwatch.StartNew();
        var markdown = HtmlToMarkdown.Convert(html.ToString());
        clock.Stop();

        // Then it finishes within seconds and every paragraph is there
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Equal(html.Length / piece.Length, markdown.Split("\n\n").Length);
        Assert.StartsWith("Some *text* with a [link](https://x.test/a), a \\* star, a \\<tag\\> and `code`.", markdown, StringComparison.Ordinal);
    }
}

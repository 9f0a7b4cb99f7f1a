using Marginalia.Content;

namespace Marginalia.Tests.Contributions;

/// <summary>Contributed bodies are set like the essay: curly quotes and real dashes, except in code and link addresses.</summary>
public class BodyTypographyTests
{
    [Theory]
    [InlineData("He said \"yes\".", "<p>He said “yes”.</p>")]
    [InlineData("A 'single' quote.", "<p>A ‘single’ quote.</p>")]
    [InlineData("\"She wrote 'no' twice.\"", "<p>“She wrote ‘no’ twice.”</p>")]
    [InlineData("The essay's claim and the authors' data.", "<p>The essay’s claim and the authors’ data.</p>")]
    [InlineData("Pages 10--12.", "<p>Pages 10–12.</p>")]
    [InlineData("A pause --- then more.", "<p>A pause — then more.</p>")]
    [InlineData("And so on...", "<p>And so on…</p>")]
    [InlineData("*\"Emphasised\"* and **'strong'**.", "<p><em>“Emphasised”</em> and <strong>‘strong’</strong>.</p>")]
    [InlineData("The \"[report](https://example.org/a)\" says.", "<p>The “<a href=\"https://example.org/a\">report</a>” says.</p>")]
    public void Quotes_apostrophes_and_dashes_become_typographic(string markdown, string html)
    {
        var (body, errors) = BodyRendering.Render(markdown);

        Assert.Empty(errors);
        Assert.Equal(html, body!.Html.Trim());
    }

    [Theory]
    [InlineData("Run `say \"hi\" -- 'now'...` here.", "<code>say \"hi\" -- 'now'...</code>")]
    [InlineData("```\nx = \"a\" -- 'b'\n```", "<code>x = \"a\" -- 'b'\n</code>")]
    [InlineData("    y = \"c\" --- 'd'", "<code>y = \"c\" --- 'd'\n</code>")]
    [InlineData("See [it](https://example.org/a \"a 'title' -- here\").", "title=\"a 'title' -- here\"")]
    [InlineData("Arrows << and >> stay.", "<p>Arrows &lt;&lt; and &gt;&gt; stay.</p>")]
    public void Code_spans_code_blocks_and_link_addresses_keep_what_was_typed(string markdown, string expected)
    {
        var (body, errors) = BodyRendering.Render(markdown);

        Assert.Empty(errors);
        Assert.Contains(expected, body!.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("See [it](https://example.org/a--b?q='x'...\"y\").", "https://example.org/a--b?q='x'...\"y\"")]
    [InlineData("See <https://example.org/a--b'c...>.", "https://example.org/a--b'c...")]
    [InlineData("See [it][r].\n\n[r]: https://example.org/it's---here", "https://example.org/it's---here")]
    public void Link_addresses_keep_what_was_typed(string markdown, string url)
    {
        var (body, errors) = BodyRendering.Render(markdown);

        Assert.Empty(errors);
        var href = HtmlFragment.Parse(body!.Html).QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal(url, Uri.UnescapeDataString(href));
    }

    [Fact]
    public void The_essay_follows_the_same_rule()
    {
        Assert.Equal("<p>“Yes” -- she said… it’s 10–12 — `x`</p>".Replace(" -- ", " – ", StringComparison.Ordinal).Replace("`x`", "<code>x</code>", StringComparison.Ordinal),
            MarkdownRenderer.ToHtml("\"Yes\" -- she said... it's 10--12 --- `x`").Trim());
    }
}

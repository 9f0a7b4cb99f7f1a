using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using Marginalia.Markup;

namespace Marginalia.Tests.Markup;

public class HtmlTokensTests
{
    private const string Page =
        "<!DOCTYPE html>\r\n<html lang=\"en\"><head><title>a &amp; <b> b</title>\n"
        + "<script>if (a < b) { x = '</p><p id=\"no\">'; }</script><style>p > a::after { content: '<a id=\"no\">' }</style></head>\r\n"
        + "<body><!-- <p id=\"no\"> --><p id=\"yes\" class=x>Caf&eacute; &amp; more<br/>\n"
        + "<svg viewBox=\"0 0 1 1\"><style>rect { }</style><title>t</title><path d=\"M0\"/></svg><textarea><p id=\"no\"></textarea>"
        + "<a href='notes/a.html'>x</a></p></body></html>\n";

    [Fact]
    public void The_tokens_spans_join_into_the_page_exactly_with_nothing_left_out_or_repeated()
    {
        var spans = HtmlTokens.Of(Page).ToList();

        Assert.Equal(Page, string.Concat(spans.Select(s => Page[s.Start..s.End])));
        Assert.Equal(HtmlTokenType.EndOfFile, spans[^1].Token.Type);
        Assert.All(spans.Where(s => s.Tag is not null), s => Assert.Equal('<', Page[s.Start]));
    }

    [Fact]
    public void Script_style_title_and_textarea_hold_text_not_markup_but_svgs_style_and_title_hold_markup()
    {
        var spans = HtmlTokens.Of(Page).ToList();

        // Only the one real element with an id has one; what looks like markup in raw text, a comment or a textarea is text
        Assert.Equal(["yes"], spans.Select(s => s.Tag).OfType<HtmlTagToken>().Where(t => t.Type == HtmlTokenType.StartTag).SelectMany(t => t.Attributes).Where(a => a.Name == "id").Select(a => a.Value));
        Assert.Equal("if (a < b) { x = '</p><p id=\"no\">'; }", TextIn(spans, "script"));
        Assert.Equal("a & <b> b", TextIn(spans, "title"));
        Assert.Equal("<p id=\"no\">", TextIn(spans, "textarea"));

        // Inside the SVG, the path after its style and title is still a tag: no raw text state was left behind
        Assert.Contains(spans, s => s.IsStartTag("path") && s.Tag!.IsSelfClosing);
        Assert.Contains(spans, s => s.IsStartTag("a") && s.Tag!.Attributes.Single().Value == "notes/a.html");
    }

    /// <summary>The text of the first element of that name: its character tokens (the tokenizer may split a run) joined.</summary>
    private static string TextIn(List<HtmlTokenSpan> spans, string name) =>
        string.Concat(spans.SkipWhile(s => !s.IsStartTag(name)).Skip(1).TakeWhile(s => !s.IsEndTag(name)).Select(s => s.Token.Data));

    [Fact]
    public void A_tag_keeps_its_name_and_attributes_after_the_tokens_that_follow_it_are_read()
    {
        var tags = HtmlTokens.Of(Page).Where(s => s.Token.Type == HtmlTokenType.StartTag).Select(s => s.Tag!).ToList();

        Assert.Equal(["html", "head", "title", "script", "style", "body", "p", "br", "svg", "style", "title", "path", "textarea", "a"], tags.Select(t => t.Name));
        Assert.Equal(["id=yes", "class=x"], tags[6].Attributes.Select(a => $"{a.Name}={a.Value}"));
    }

    [Fact]
    public void Tokens_kept_after_their_page_is_read_keep_their_text_while_other_pages_are_read()
    {
        // Each enumeration gives its tokenizer's buffer back to the shared pool when it ends, and the next page's
        // tokenizer on this thread takes that buffer (a page of the same length asks for the same size) and writes
        // over it. Tokens already handed out hold strings of their own, so they must not change with it.
        var kept = HtmlTokens.Of(Page).ToList();
        var before = kept.Select(Describe).ToList();
        var other = "<p id=\"other\" class=\"y\">" + new string('z', Page.Length - 32) + "</p>";
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(4, HtmlTokens.Of(other).Count()); // p, its text, /p and the end of the file
        }

        Assert.Equal(before, kept.Select(Describe));
        Assert.Contains("StartTag p id=yes class=x", before);
    }

    private static string Describe(HtmlTokenSpan span) =>
        $"{span.Token.Type} {span.Token.Name}" + (span.Tag is { } tag ? string.Concat(tag.Attributes.Select(a => $" {a.Name}={a.Value}")) : $" {span.Token.Data}");

    [Fact]
    public void Without_text_the_tokens_are_the_same_and_still_cover_the_page_but_carry_no_text()
    {
        var full = HtmlTokens.Of(Page).ToList();
        var bare = HtmlTokens.Of(Page, withText: false).ToList();

        Assert.Equal(full.Select(s => (s.Token.Type, s.Tag?.Name, s.Start, s.End)), bare.Select(s => (s.Token.Type, s.Tag?.Name, s.Start, s.End)));
        Assert.Equal(Page, string.Concat(bare.Select(s => Page[s.Start..s.End])));
        Assert.All(bare.Where(s => s.Token.Type is HtmlTokenType.Character or HtmlTokenType.Comment), s => Assert.Equal(string.Empty, s.Token.Data));
        Assert.Contains(full, s => s.Token.Type == HtmlTokenType.Character && s.Token.Data.Length > 0);
    }
}

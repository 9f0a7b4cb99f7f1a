using Marginalia.Content;

namespace Marginalia.Tests.Content;

/// <summary>
/// The scanner reads the anchors of a layout's own markup as AngleSharp would, and takes a slot's piece as it is: its
/// HTML in the page, its anchors in order, never read from the HTML.
/// </summary>
public sealed class AnchorScannerTests
{
    [Theory]
    [InlineData("<a href=\"x.html#a\" id=\"one\">x</a><p id='two'>y</p><img src=b.png id=three>", "one two three", "x.html#a b.png")]
    [InlineData("<A HREF=\"Up.html\" ID=\"Big\">x</A>", "Big", "Up.html")]
    [InlineData("<a href=\"a&amp;b.html#p&#45;1\">x</a>", "", "a&b.html#p-1")] // references decoded, as in the DOM
    [InlineData("<a href=\"https://elsewhere.test/\">x</a><a href=\"//cdn.test/x\">y</a><a href=\"mailto:a@b.test\">z</a>", "", "")]
    [InlineData("<!-- <a id=\"gone\" href=\"gone.html\"> --><!DOCTYPE html><p id=\"kept\"></p>", "kept", "")]
    [InlineData("<script>var s = '<a id=\"no\" href=\"no.html\">';</script><style>a[id=\"no\"]{}</style><title><b id=\"no\"></title><p id=\"yes\"></p>", "yes", "")]
    [InlineData("<a id=\"first\" id=\"second\" href=\"1.html\" href=\"2.html\">x</a>", "first", "1.html")] // the first of a repeated attribute
    [InlineData("<link rel=\"stylesheet\" href=\"s.css\"><script src=\"j.js\" defer></script><source src=\"v.webm\"><form action=\"f.html\"></form>", "", "s.css j.js v.webm")]
    [InlineData("<p id=\"a\"></p><p id=\"a\"></p><input id=\"\">", "a a ", "")]
    [InlineData("<div data-id=\"no\" data-href=\"no.html\"><span>1 &lt; 2</span></div>", "", "")]
    [InlineData("<a href=\"1x:y.html\">x</a><a href=\"a+b-c.d:x\">y</a><a href=\"x/y:z\">z</a><a href=\"\">e</a>", "", "1x:y.html x/y:z ")] // a scheme is a letter, then letters, digits, + - .
    [InlineData("<lin\u212Ak href=\"k.html\"><\u0131mg src=\"i.png\"><SCRIPT SRC=\"s.js\"></SCRIPT><Title><a id=\"no\"></TITLE>", "", "s.js")] // names compared as ASCII, as HTML does
    public void A_layouts_markup_gives_the_ids_and_links_a_parser_finds(string html, string ids, string links)
    {
        var (page, anchors) = AnchorScanner.Complete(html, []);
        var parsed = HtmlAnchors.OfDocument(HtmlFragment.ParseDocument(html));

        Assert.Equal(html, page);
        Assert.Equal(ids, string.Join(' ', anchors.Ids));
        Assert.Equal(links, string.Join(' ', anchors.Links));
        Assert.Equal(parsed.Ids.ToList(), anchors.Ids.ToList());
        Assert.Equal(parsed.Links.ToList(), anchors.Links.ToList());
    }

    [Fact]
    public void A_slot_is_filled_with_its_piece_and_brings_its_anchors_in_place_without_its_html_being_read()
    {
        // The piece's HTML says one thing, its anchors another: the anchors are what the model knows, and are taken as they are
        var piece = new AnchoredHtml("<p id=\"in-html\"><a href=\"html.html\">x</a></p>", new HtmlAnchors(["in-model"], ["model.html"]));
        var rendered = $"<main id=\"main\"><a href=\"#main\">top</a>{AnchorScanner.Slot(0)}<p id=\"after\"></p>{AnchorScanner.Slot(0)}</main>";

        var (page, anchors) = AnchorScanner.Complete(rendered, [piece]);

        Assert.Equal($"<main id=\"main\"><a href=\"#main\">top</a>{piece.Html}<p id=\"after\"></p>{piece.Html}</main>", page);
        Assert.Equal(["main", "in-model", "after", "in-model"], anchors.Ids.ToList());
        Assert.Equal(["#main", "model.html", "model.html"], anchors.Links.ToList());
    }

    [Fact]
    public void A_slot_inside_a_script_is_filled_but_gives_no_anchors()
    {
        var piece = new AnchoredHtml("{\"a\":1}", new HtmlAnchors(["x"], ["x.html"]));

        var (page, anchors) = AnchorScanner.Complete($"<script type=\"application/json\" id=\"data\">{AnchorScanner.Slot(0)}</script>", [piece]);

        Assert.Equal("<script type=\"application/json\" id=\"data\">{\"a\":1}</script>", page);
        Assert.Equal(["data"], anchors.Ids.ToList());
        Assert.Empty(anchors.Links);
    }
}

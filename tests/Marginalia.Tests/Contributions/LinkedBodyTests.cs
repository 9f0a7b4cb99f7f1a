using Marginalia.Contributions;

namespace Marginalia.Tests.Contributions;

public class LinkedBodyTests
{
    private static XrefTargets Targets()
    {
        var targets = new XrefTargets();
        targets.Add("notes/a&b", "index.html", "note-a-b");
        targets.Add("glossary/wto", "glossary/index.html", "wto");
        return targets;
    }

    [Fact]
    public void Links_and_images_are_filled_in_order_for_each_page()
    {
        // Given a body with two xrefs and a media image between them
        var body = LinkedBody.Of("<p><a href=\"xref:glossary/wto\">WTO</a> <img src=\"media/a b&amp;c.png\" alt=\"x\"> <a href=\"xref:notes/a&amp;b\">n</a></p>");

        // Then each page gets URLs relative to itself, the image's file name written as it was
        Assert.Equal(["glossary/wto", "notes/a&b"], body.Xrefs);
        Assert.Equal(
            "<p><a href=\"glossary/index.html#wto\">WTO</a> <img src=\"media/a b&amp;c.png\" alt=\"x\"> <a href=\"#note-a-b\">n</a></p>",
            body.On("index.html", Targets()));
        Assert.Equal(
            "<p><a href=\"#wto\">WTO</a> <img src=\"../media/a b&amp;c.png\" alt=\"x\"> <a href=\"../index.html#note-a-b\">n</a></p>",
            body.On("glossary/index.html", Targets()));
    }

    [Fact]
    public void A_bodys_anchors_on_a_page_are_its_filled_slots_in_order_and_no_ids()
    {
        // Given the same body, with an external link the link check leaves alone
        var body = LinkedBody.Of("<p><a href=\"xref:glossary/wto\">WTO</a> <a href=\"https://e.test/\">e</a> <img src=\"media/a b&amp;c.png\" alt=\"x\"> <a href=\"xref:notes/a&amp;b\">n</a></p>");

        // Then on each page its anchors are the links its slots became there (decoded, as a parser reads them), and the HTML is On's
        var anchored = body.AnchoredOn("glossary/index.html", Targets());
        Assert.Equal(body.On("glossary/index.html", Targets()), anchored.Html);
        Assert.Equal(["#wto", "../media/a b&c.png", "../index.html#note-a-b"], anchored.Anchors.Links.ToList());
        Assert.Empty(anchored.Anchors.Ids);
        var parsed = Marginalia.Content.HtmlAnchors.Of(Marginalia.Content.HtmlFragment.Parse(anchored.Html));
        Assert.Equal(parsed.Links.ToList(), anchored.Anchors.Links.ToList());
    }

    [Fact]
    public void An_xref_that_names_nothing_becomes_a_link_to_the_page_itself()
    {
        var body = LinkedBody.Of("<p><a href=\"xref:notes/gone\">gone</a></p>");

        Assert.Equal("<p><a href=\"#\">gone</a></p>", body.On("index.html", Targets()));
    }

    [Fact]
    public void Text_that_only_looks_like_a_link_is_left_as_written()
    {
        // Given a body that shows, as code, the markup of an xref and of an image
        const string html = "<p><code>href=\"xref:glossary/wto\"</code> and <code>src=\"media/map.png\"</code></p>";

        // Then it is not rewritten: only real attributes are links (a search over the HTML text rewrote these)
        Assert.Equal(html, LinkedBody.Of(html).On("notes/index.html", Targets()));
    }

    [Fact]
    public void A_body_without_links_is_kept_as_it_is()
    {
        const string html = "<p>Plain &amp; simple, <em>media</em> and xrefs aside.</p>";

        Assert.Equal(html, LinkedBody.Of(html).On("glossary/index.html", Targets()));
    }

    [Fact]
    public void A_body_string_is_read_once_and_an_equal_but_new_string_is_read_again()
    {
        // Given a body as the preview's cache hands it to every rebuild (one string), and the same text made anew
        var kept = string.Concat("<p><a href=\"xref:glossary/wto\">WTO</a>", " and more</p>");
        var remade = string.Concat("<p><a href=\"xref:glossary/wto\">WTO</a>", " and more</p>");

        // Then the kept string gives the same reading each time, and the new one a reading of its own that writes the same
        Assert.Same(LinkedBody.For(kept), LinkedBody.For(kept));
        Assert.NotSame(LinkedBody.For(kept), LinkedBody.For(remade));
        var targets = new XrefTargets();
        targets.Add("glossary/wto", "glossary/index.html", "wto");
        Assert.Equal("<p><a href=\"glossary/index.html#wto\">WTO</a> and more</p>", LinkedBody.For(remade).On("index.html", targets));
    }
}

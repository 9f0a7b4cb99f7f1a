using System.Text;
using Marginalia.Editions.Epub;

namespace Marginalia.Tests.Editions.Epub;

public sealed class XhtmlPageTests
{
    private static string Inner(AngleSharp.Dom.IElement element) => $"{element.LocalName}.{element.ClassName}: {element.InnerHtml}";

    [Fact]
    public void Fragments_parsed_together_are_each_what_parsing_them_one_by_one_gives()
    {
        // Given three note bodies: a paragraph with a link, a list, and one with a table whose stray text HTML moves before it
        string[] bodies =
        [
            "<p>See <a href=\"https://example.org/a?x=1&amp;y=2\">the report</a>.</p>",
            "<ul><li>one</li><li>two &lt;three&gt;</li></ul>",
            "<table><tr><td>cell</td></tr></table><p>after</p>",
        ];
        var page = new XhtmlPage("Title", "en");

        // When they are parsed in one go, and again one at a time
        var together = page.Fragments(bodies, "div", "note-body");
        var alone = bodies.Select(body => page.Fragment(body, "div", "note-body")).ToList();

        // Then each comes out in its own container, as it does alone
        Assert.Equal(alone.Select(Inner), together.Select(Inner));
        Assert.Equal("div.note-body: <p>See <a href=\"https://example.org/a?x=1&amp;y=2\">the report</a>.</p>", Inner(together[0]));
        Assert.All(together, element => Assert.Same(page.Body.Owner, element.Owner));
    }

    [Fact]
    public void A_fragment_that_ends_outside_its_wrapper_cannot_reach_into_the_next_one()
    {
        // Given a body that closes the wrapper it is parsed in and opens the next one's (no sanitised body does)
        string[] bodies =
        [
            "<p>first</p></div><div data-marginalia-fragment=\"1\"><p>planted</p>",
            "<p>second</p>",
        ];
        var page = new XhtmlPage("Title", "en");

        // When they are parsed together
        var together = page.Fragments(bodies);

        // Then each body is parsed alone instead: the planted paragraph stays with the body that wrote it (its stray
        // end tag ignored), and the next body is only its own
        Assert.Equal(2, together.Count);
        Assert.Equal("div.: <p>first</p><div data-marginalia-fragment=\"1\"><p>planted</p></div>", Inner(together[0]));
        Assert.Equal("div.: <p>second</p>", Inner(together[1]));
    }

    [Fact]
    public void An_element_made_in_another_page_is_taken_with_its_subtree_and_written_in_this_one()
    {
        // Given an aside with a nested link and text, made in a scratch page (as the footnotes are, on another thread)
        var scratch = new XhtmlPage("Scratch", "en");
        var aside = scratch.Element("aside", "note");
        var head = scratch.Append(aside, "p", "note-head");
        scratch.Append(head, "a", "note-number", "1").SetAttribute("href", "#m-1");
        scratch.AppendText(aside, "A & B");
        var page = new XhtmlPage("Title", "en");

        // When this page takes it and places it in its body
        page.Body.AppendChild(page.Take(aside));

        // Then it and every node below it belong to this page, and this page writes it
        Assert.Same(page.Body.Owner, aside.Owner);
        Assert.All(Marginalia.Markup.ElementTree.Below(aside), element => Assert.Same(page.Body.Owner, element.Owner));
        Assert.Same(page.Body.Owner, aside.LastChild!.Owner);
        var xhtml = Encoding.UTF8.GetString(page.ToBytes().Span);
        Assert.Contains("<aside class=\"note\"><p class=\"note-head\"><a class=\"note-number\" href=\"#m-1\">1</a></p>A &amp; B</aside>", xhtml, StringComparison.Ordinal);
    }
}

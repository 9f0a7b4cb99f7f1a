using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Marginalia.Markup;

namespace Marginalia.Tests.Markup;

public class ElementTreeTests
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public void Every_element_below_the_root_comes_once_in_document_order_without_the_root_or_any_text()
    {
        var document = Parser.ParseDocument("<main id=\"m\"><p id=\"a\">x <em id=\"b\">y<i id=\"c\"></i></em> z</p><!-- c --><ul id=\"d\"><li id=\"e\">1</li><li id=\"f\"><b id=\"g\">2</b></li></ul><p id=\"h\"></p></main>");

        var below = ElementTree.Below(document.GetElementById("m")!);

        Assert.Equal(["a", "b", "c", "d", "e", "f", "g", "h"], below.Select(e => e.Id));
    }

    [Fact]
    public void It_finds_what_AngleSharps_own_walk_finds_on_a_whole_document()
    {
        var document = Parser.ParseDocument("<!DOCTYPE html><html><head><title>t</title><style>p{}</style></head><body><table><tr><td>1<td><svg><g><path/></g></svg></table><template><p>in</p></template></body></html>");

        Assert.Equal(document.Descendants<IElement>().Select(e => e.LocalName), ElementTree.Below(document).Select(e => e.LocalName));
        Assert.Equal("html", ElementTree.Below(document)[0].LocalName);
    }

    [Fact]
    public void An_element_without_children_has_nothing_below_it()
    {
        var document = Parser.ParseDocument("<p id=\"a\">text only</p>");

        Assert.Empty(ElementTree.Below(document.GetElementById("a")!));
    }

    [Fact]
    public void A_nesting_thousands_of_elements_deep_is_walked_to_its_deepest_element()
    {
        var document = Parser.ParseDocument(string.Empty);
        // Built from the inside out: AngleSharp's parser stops nesting at about 500, and each insertion walks what it inserts.
        const int depth = 2_000;
        IElement inner = document.CreateElement("span");
        inner.Id = "deepest";
        for (var i = 1; i < depth; i++)
        {
            var outer = document.CreateElement("span");
            outer.AppendChild(inner);
            inner = outer;
        }

        document.Body!.AppendChild(inner);

        var below = ElementTree.Below(document.Body);

        Assert.Equal(depth, below.Count);
        Assert.Equal("deepest", below[^1].Id);
    }
}

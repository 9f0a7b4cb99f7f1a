using Marginalia.Discovery;

namespace Marginalia.Tests.Discovery;

public class AbsoluteLinksTests
{
    [Fact]
    public void Relative_links_and_images_become_absolute_and_absolute_ones_stay()
    {
        var html = AbsoluteLinks.Rewrite(
            "<p><a href=\"glossary/index.html#wto\">WTO</a> <a href=\"#p-even-more\">¶</a> <a href=\"https://example.org/x\">x</a> <img src=\"media/map.png\" alt=\"Map\"></p>",
            new Uri("https://marginalia.netlify.app/"));

        Assert.Equal(
            "<p><a href=\"https://marginalia.netlify.app/glossary/index.html#wto\">WTO</a> <a href=\"https://marginalia.netlify.app/#p-even-more\">¶</a> <a href=\"https://example.org/x\">x</a> <img src=\"https://marginalia.netlify.app/media/map.png\" alt=\"Map\"></p>",
            html);
    }

    [Theory]
    [InlineData("<p>No link here, only the word href=\"x\" in the text.</p>")]
    [InlineData("<p><a href=\"https://example.org/x\" class=\"source\">x</a> <code>&lt;img src=\"a.png\"&gt;</code></p>")]
    public void A_body_with_nothing_to_make_absolute_is_left_as_it_was(string html)
    {
        Assert.Equal(html, AbsoluteLinks.Rewrite(html, new Uri("https://marginalia.netlify.app/")));
    }

    [Fact]
    public void A_rewritten_tag_keeps_its_other_attributes_escapes_its_values_and_reads_a_repeated_attribute_as_a_browser_does()
    {
        var html = AbsoluteLinks.Rewrite(
            "<p>See <a href=\"notes/index.html?a=1&amp;b=2\" href=\"other.html\" title=\"&quot;Quoted&quot; &amp; more\">this</a>.<br/></p>",
            new Uri("https://marginalia.netlify.app/"));

        Assert.Equal(
            "<p>See <a href=\"https://marginalia.netlify.app/notes/index.html?a=1&amp;b=2\" title=\"&quot;Quoted&quot; &amp; more\">this</a>.<br/></p>",
            html);
    }
}

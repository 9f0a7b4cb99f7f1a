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
}

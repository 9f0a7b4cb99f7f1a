using Marginalia.Contributions;

namespace Marginalia.Tests.Contributions;

public class XrefTargetsTests
{
    private static XrefTargets Targets()
    {
        var targets = new XrefTargets();
        targets.Add("essay#p-one", "index.html", "p-one");
        targets.Add("notes/wto", "index.html", "note-wto");
        targets.Add("glossary/wto", "glossary/index.html", "wto");
        return targets;
    }

    [Theory]
    [InlineData("index.html", "essay#p-one", "#p-one")]
    [InlineData("notes/index.html", "essay#p-one", "../index.html#p-one")]
    [InlineData("index.html", "glossary/wto", "glossary/index.html#wto")]
    [InlineData("initiatives/bhashini/index.html", "notes/wto", "../../index.html#note-wto")]
    public void An_xref_becomes_a_relative_url_from_the_page_that_shows_it(string page, string target, string url)
    {
        Assert.Equal(url, Targets().UrlFrom(target, page));
    }

    [Fact]
    public void Body_html_is_rewritten_per_page_including_media_images()
    {
        const string html = "<p><a href=\"xref:notes/wto\">WTO</a> <img src=\"media/map.png\" alt=\"\"></p>";

        Assert.Equal("<p><a href=\"#note-wto\">WTO</a> <img src=\"media/map.png\" alt=\"\"></p>", Targets().Resolve(html, "index.html"));
        Assert.Equal("<p><a href=\"../index.html#note-wto\">WTO</a> <img src=\"../media/map.png\" alt=\"\"></p>", Targets().Resolve(html, "notes/index.html"));
    }
}

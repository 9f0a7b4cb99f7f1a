using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Theme;

namespace Marginalia.Tests.Theme;

public class PageRendererTests
{
    private static PageRenderer Renderer()
    {
        var bag = new DiagnosticBag();
        ParsedLayout Layout(string name, string source) => new(LayoutParser.Parse(source, $"theme/layouts/{name}.liquid", bag)!, $"theme/layouts/{name}.liquid", source);
        var layouts = new Dictionary<string, ParsedLayout>(StringComparer.Ordinal)
        {
            [CoreLayouts.Base] = Layout(CoreLayouts.Base, "<!DOCTYPE html>\n<html><body id=\"top\">{{ content | raw }}<a href=\"#top\">top</a></body></html>\n"),
            ["page"] = Layout("page", "<main id=\"main\">{{ essay | raw }}<p>{{ words }}</p></main>"),
        };
        Assert.Empty(bag.Sorted());
        return Marginalia.Pages.PagesPipeline.Renderer(layouts, []);
    }

    private static PageModel Model()
    {
        // A piece of HTML made by the code, with its anchors, and a page far over a megabyte around it
        var model = new PageModel();
        model.Set("essay", new AnchoredHtml("<p id=\"p-1\">Caf\u00e9 \U0001F4DA</p>", new HtmlAnchors(["p-1"], ["notes/a.html"])));
        model.Set("words", string.Concat(Enumerable.Repeat("caf\u00e9 & \U0001F4DA ", 150_000)));
        return model;
    }

    [Theory]
    [InlineData(1024L * 1024, true)]
    [InlineData(long.MaxValue, false)]
    public void A_page_over_the_spill_size_is_written_to_a_file_with_the_same_text_and_anchors_as_in_memory(long spillSize, bool spilled)
    {
        var renderer = Renderer();
        var bag = new DiagnosticBag();

        var document = renderer.RenderDocument("page", Model(), bag, "theme/layouts/page.liquid", "index.html", spillSize)!;
        var (html, anchors) = renderer.RenderAnchored("page", Model(), bag)!.Value;

        Assert.Empty(bag.Sorted());
        Assert.Equal(spilled, document.IsSpilled);
        Assert.Equal(("theme/layouts/page.liquid", "index.html"), (document.Source, document.Destination));
        Assert.Equal(html, document.Content);
        Assert.StartsWith("<!DOCTYPE html>\n<html><body id=\"top\"><main id=\"main\"><p id=\"p-1\">Caf\u00e9 \U0001F4DA</p><p>caf\u00e9 &amp; \U0001F4DA", html);
        Assert.True(html.Length > 1024 * 1024, $"{html.Length} characters");
        Assert.Equal(["top", "main", "p-1"], document.Get(HtmlAnchors.Key).Ids);
        Assert.Equal(["notes/a.html", "#top"], document.Get(HtmlAnchors.Key).Links);
        Assert.Equal(anchors.Ids, document.Get(HtmlAnchors.Key).Ids);
    }
}

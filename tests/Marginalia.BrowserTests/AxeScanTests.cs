using Deque.AxeCore.Playwright;
using Marginalia.BrowserTests.Infrastructure;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>The in-place scan finds what Deque's frame-by-frame RunAxe finds: it is the same axe, run faster.</summary>
[Collection(BuiltSite.Collection)]
public sealed class AxeScanTests(SiteFixture site)
{
    private const string Broken = """
        <!doctype html><html><head><title>t</title></head><body>
        <main><h1>Page</h1>
        <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
        <p style="color:#ccc;background:#fff">Pale text on white.</p>
        <button></button>
        <a href="#x"></a>
        </main></body></html>
        """;

    [SkippableFact]
    public async Task A_page_with_violations_gives_the_same_violations_in_place_as_through_RunAxe()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync(Broken);

        var inPlace = await page.RunAxeForViolationsAsync();
        var deque = await page.RunAxe();

        string[] expected = ["button-name", "color-contrast", "html-has-lang", "image-alt", "link-name"];
        Assert.Equal(expected, inPlace.Violations.Select(v => v.Id).Order(StringComparer.Ordinal));
        Assert.Equal(expected, deque.Violations.Select(v => v.Id).Order(StringComparer.Ordinal));
        Assert.Equal(
            deque.Violations.OrderBy(v => v.Id, StringComparer.Ordinal).Select(v => v.Nodes.Length),
            inPlace.Violations.OrderBy(v => v.Id, StringComparer.Ordinal).Select(v => v.Nodes.Length));
        Assert.Contains("img", inPlace.Violations.Single(v => v.Id == "image-alt").Nodes[0].Target.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_page_without_violations_gives_none()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("<!doctype html><html lang=\"en\"><head><title>t</title></head><body><main><h1>Page</h1><p>Text.</p></main></body></html>");

        Assert.Empty((await page.RunAxeForViolationsAsync()).Violations);
    }
}

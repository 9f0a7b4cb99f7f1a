using System.Text.Json;
using System.Text.RegularExpressions;
using Marginalia.BrowserTests.Infrastructure;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// The shared Chromium is launched lighter than Playwright's defaults, and otherwise as Playwright launches it: our
/// <c>--disable-features</c> replaces Playwright's own (Chromium keeps the last), so it must still hold every feature
/// Playwright turns off.
/// </summary>
[Collection(BuiltSite.Collection)]
public sealed partial class ChromiumLaunchTests(SiteFixture site)
{
    [Fact]
    public void Every_feature_Playwright_disables_is_still_disabled()
    {
        // Given the list of features the Playwright driver in this build disables in Chromium
        var bundle = Path.Combine(AppContext.BaseDirectory, ".playwright", "package", "lib", "coreBundle.js");
        var list = DisabledFeaturesList().Match(File.ReadAllText(bundle));
        Assert.True(list.Success, $"{bundle} no longer declares `disabledFeatures = [...]`; read its chromiumSwitches again");
        var playwrights = Quoted().Matches(list.Groups[1].Value).Select(match => match.Groups[1].Value).ToList();
        Assert.Contains("PaintHolding", playwrights);

        // When our launch argument is read
        var ours = SharedSite.DisabledFeatures["--disable-features=".Length..].Split(',');

        // Then it disables each of them, and besides only the omnibox's two pop-ups and the spare renderer
        Assert.Empty(playwrights.Except(ours));
        Assert.Equal(["WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "SpareRendererForSitePerProcess"], ours.Except(playwrights));
    }

    [SkippableFact]
    public async Task A_new_page_brings_no_browser_interface_renderer_with_it()
    {
        // Given a fresh context and page on the shared browser, as every test opens
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.About));

        // When the browser lists every target it holds, its own interface's included
        var session = await context.Browser!.NewBrowserCDPSessionAsync();
        var targets = await session.SendAsync("Target.getTargets", new() { ["filter"] = new[] { new Dictionary<string, object>() } });
        var listed = targets!.Value.GetProperty("targetInfos").EnumerateArray()
            .Select(target => (Type: target.GetProperty("type").GetString(), Url: target.GetProperty("url").GetString()))
            .ToList();

        // Then the page is there, and no WebUI pop-up (a renderer each, preloaded for every window) is
        Assert.Contains(listed, target => target.Type == "page" && target.Url == site.Server.UrlOf(SitePages.About).AbsoluteUri);
        Assert.DoesNotContain(listed, target => target.Type == "browser_ui");
    }

    [GeneratedRegex(@"disabledFeatures = \[(.*?)\]", RegexOptions.Singleline)]
    private static partial Regex DisabledFeaturesList();

    [GeneratedRegex("^\\s*\"([A-Za-z0-9]+)\"", RegexOptions.Multiline)]
    private static partial Regex Quoted();
}

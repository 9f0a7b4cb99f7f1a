using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Marginalia.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

[Collection(BuiltSite.Accessibility)]
public sealed class AccessibilityTests(SiteFixture site)
{

    public static TheoryData<string, string> PagesInBothColourSchemes
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var page in SitePages.AllPages)
            {
                data.Add(page, "light");
                data.Add(page, "dark");
            }

            return data;
        }
    }

    [SkippableTheory]
    [MemberData(nameof(PagesInBothColourSchemes))]
    public async Task Axe_finds_no_violations(string pagePath, string colourScheme)
    {
        // Given a page served as the host serves it (the only way 404.html has its stylesheet, which colour
        // contrast depends on), in the colour scheme the reader's system asks for: the theme follows it, so
        // contrast has to hold in both
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = colourScheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        await page.OpenAsync(site.Server.UrlOf(pagePath));

        // When axe-core scans it with its default rules
        AxeResult result = await page.RunAxeForViolationsAsync();

        // Then no rule is violated
        Assert.True(
            result.Violations.Length == 0,
            $"{pagePath} ({colourScheme}): axe-core found {result.Violations.Length} violation(s):{Environment.NewLine}{AxeReport.Describe(result.Violations)}");
    }
}

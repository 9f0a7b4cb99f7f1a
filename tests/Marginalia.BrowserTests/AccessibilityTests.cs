using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Marginalia.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

[Collection(BuiltSite.Collection)]
public sealed class AccessibilityTests(SiteFixture site)
{
    // Enough of a violation's nodes to find the pattern; the full list of a site-wide colour can run to hundreds.
    private const int NodesShownPerViolation = 8;

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
        AxeResult result = await page.RunAxe();

        // Then no rule is violated
        Assert.True(
            result.Violations.Length == 0,
            $"{pagePath} ({colourScheme}): axe-core found {result.Violations.Length} violation(s):{Environment.NewLine}{Describe(result.Violations)}");
    }

    private static string Describe(IEnumerable<AxeResultItem> violations) =>
        string.Join(
            Environment.NewLine,
            violations.Select(violation =>
                $"- {violation.Id} ({violation.Impact}): {violation.Help}{Environment.NewLine}" +
                string.Join(Environment.NewLine, violation.Nodes.Take(NodesShownPerViolation).Select(node => $"    on {node.Target}: {Checks(node)}")) +
                (violation.Nodes.Length > NodesShownPerViolation ? $"{Environment.NewLine}    and {violation.Nodes.Length - NodesShownPerViolation} more" : string.Empty)));

    // A node fails a rule through its checks: any one of "any", every one of "all", none of "none".
    private static string Checks(AxeResultNode node) =>
        string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message).Distinct());
}

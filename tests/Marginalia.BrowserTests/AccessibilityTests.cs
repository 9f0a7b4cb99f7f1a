using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Marginalia.BrowserTests.Infrastructure;
using Xunit;

namespace Marginalia.BrowserTests;

[Collection(BuiltSite.Collection)]
public sealed class AccessibilityTests(SiteFixture site)
{
    [SkippableTheory]
    [MemberData(nameof(SitePages.All), MemberType = typeof(SitePages))]
    public async Task Axe_finds_no_violations(string pagePath)
    {
        // Given a page served as the host serves it (the only way 404.html has its stylesheet, which colour
        // contrast depends on)
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(pagePath));

        // When axe-core scans it with its default rules
        AxeResult result = await page.RunAxe();

        // Then no rule is violated
        Assert.True(result.Violations.Length == 0, $"{pagePath}: axe-core found {result.Violations.Length} violation(s):{Environment.NewLine}{Describe(result.Violations)}");
    }

    private static string Describe(IEnumerable<AxeResultItem> violations) =>
        string.Join(
            Environment.NewLine,
            violations.Select(violation =>
                $"- {violation.Id} ({violation.Impact}): {violation.Help}{Environment.NewLine}" +
                string.Join(Environment.NewLine, violation.Nodes.Select(node => $"    at {node.Target}: {Checks(node)}"))));

    // A node fails a rule through its checks: any one of "any", every one of "all", none of "none".
    private static string Checks(AxeResultNode node) =>
        string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message).Distinct());
}

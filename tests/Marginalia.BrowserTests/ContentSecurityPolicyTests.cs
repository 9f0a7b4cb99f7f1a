using Marginalia.BrowserTests.Infrastructure;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>Every page runs under the policy netlify.toml sends: nothing blocked, nothing in the console.</summary>
[Collection(BuiltSite.EveryPage)]
public sealed class ContentSecurityPolicyTests(SiteFixture site)
{
    [SkippableTheory]
    [MemberData(nameof(SitePages.All), MemberType = typeof(SitePages))]
    public async Task Page_under_the_sites_policy_has_no_violation_and_no_console_error(string pagePath)
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await SiteCsp.ApplyAsync(page, site.RepositoryRoot);
        var problems = PageProblems.RecordOn(page);

        await page.OpenAsync(site.Server.UrlOf(pagePath));

        var blocked = await page.EvaluateAsync<string[]>("() => window.blocked");
        Assert.True(blocked.Length == 0, $"{pagePath}: the policy blocked {string.Join(", ", blocked)}");
        Assert.True(problems.All.Count == 0, $"{pagePath}:{Environment.NewLine}{string.Join(Environment.NewLine, problems.All)}");
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests.Infrastructure;

/// <summary>
/// Serves a page with the Content-Security-Policy netlify.toml gives the live site (no inline script or style, not
/// even a style attribute) and records, in <c>window.blocked</c>, anything the policy blocks.
/// </summary>
public static partial class SiteCsp
{
    /// <summary>The Content-Security-Policy netlify.toml gives every path of the live site.</summary>
    public static async Task<string> PolicyAsync(string repositoryRoot)
    {
        var policy = Header().Match(await File.ReadAllTextAsync(Path.Combine(repositoryRoot, "netlify.toml")));
        Assert.True(policy.Success, "netlify.toml has no Content-Security-Policy header");
        return policy.Groups["policy"].Value;
    }

    public static async Task ApplyAsync(IPage page, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(page);
        var policy = await PolicyAsync(repositoryRoot);
        await page.RouteAsync("**/*.html", async route =>
        {
            var response = await route.FetchAsync();
            var headers = new Dictionary<string, string>(response.Headers) { ["content-security-policy"] = policy };
            await route.FulfillAsync(new() { Response = response, Headers = headers });
        });
        await page.AddInitScriptAsync(
            """
            window.blocked = [];
            document.addEventListener('securitypolicyviolation', event => window.blocked.push(`${event.violatedDirective} ${event.blockedURI}`));
            """);
    }

    [GeneratedRegex(@"Content-Security-Policy\s*=\s*""(?<policy>[^""]+)""")]
    private static partial Regex Header();
}

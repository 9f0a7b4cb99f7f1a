using Marginalia.BrowserTests.Infrastructure;
using Marginalia.Preview;
using Marginalia.Publishing;
using Marginalia.Site;
using Marginalia.Testing;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// The preview serves pages under the published site's Content-Security-Policy (SiteHeaders, which netlify.toml
/// equals), and its live reload still works under it: the reload script is an external script of the same origin
/// and its event stream a same-origin connection. Nothing is blocked, and a saved edit reloads the page.
/// </summary>
[Collection(BuiltSite.OtherPrograms)]
public sealed class PreviewReloadTests(SiteFixture site) : IAsyncLifetime
{
    private const string Marker = "Preview reload marker 7f3a, added by a test.";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "marginalia-preview-browser-" + Guid.NewGuid().ToString("N"));
    private PreviewServer? _server;

    public async Task InitializeAsync()
    {
        CommittedInput.CopyTo(site.RepositoryRoot, Path.Combine(_folder, "input"));
        Copy(Path.Combine(site.RepositoryRoot, "theme"), Path.Combine(_folder, "theme"));
        _server = await PreviewServer.StartAsync(new PreviewOptions(new BuildOptions { WorkingDirectory = _folder }) { Port = 0 });
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    [SkippableFact]
    public async Task A_saved_edit_reloads_the_page_under_the_sites_policy_with_nothing_blocked()
    {
        // Given the reader opened from the preview, which sends the site's own policy
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.AddInitScriptAsync(
            """
            window.blocked = [];
            document.addEventListener('securitypolicyviolation', event => window.blocked.push(`${event.violatedDirective} ${event.blockedURI}`));
            """);
        var problems = PageProblems.RecordOn(page);
        var response = await page.GotoAsync(_server!.Address.ToString());
        Assert.NotNull(response);
        Assert.Equal(SiteHeaders.PagePolicy, await response.HeaderValueAsync("content-security-policy"));
        await page.WaitForFunctionAsync("() => document.querySelector('script[src=\"/__marginalia/reload.js\"]') !== null");
        await page.EvaluateAsync("() => { window.stale = true; }");

        // When the essay is edited and saved
        await File.AppendAllTextAsync(Path.Combine(_folder, "input", "essay.md"), $"\n{Marker}\n");

        // Then the page reloads by itself (the flag is gone) and shows the edit, and the policy blocked nothing
        await page.WaitForFunctionAsync($"() => window.stale === undefined && document.body.textContent.includes({System.Text.Json.JsonSerializer.Serialize(Marker)})",
            null, new() { Timeout = 30_000 });
        var blocked = await page.EvaluateAsync<string[]>("() => window.blocked");
        Assert.True(blocked.Length == 0, $"the policy blocked {string.Join(", ", blocked)}");
        // The old page's event stream is cut by the reload itself: that is the reload working, not a problem
        var others = problems.All.Where(p => !p.Contains("/__marginalia/events (net::ERR_ABORTED)", StringComparison.Ordinal)).ToList();
        Assert.True(others.Count == 0, string.Join(Environment.NewLine, others));
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

using Marginalia.BrowserTests.Infrastructure;
using Marginalia.Site;
using Marginalia.Testing;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// The hostile contributions the build accepts (shown as text, or links whose quotes are escaped: see
/// tests/Marginalia.Tests/Hostile) built into a copy of the real site and opened in Chromium under the policy
/// netlify.toml sends. Every payload would set <c>window.__pwned</c> and open an alert if it ran: on every page
/// neither happens, nothing is blocked by the policy (so nothing tried to run), and no element carries an event
/// handler. The single-file edition, which runs its own inlined scripts and so is opened without the policy, is
/// held to the same.
/// </summary>
[Collection(BuiltSite.EveryPage)]
public sealed class HostileContentTests(SiteFixture site, HostileContentTests.HostileSite hostile) : IClassFixture<HostileContentTests.HostileSite>
{
    private const string Run = "window.__pwned=1;alert(1)";

    /// <summary>Every page the hostile build writes, the new initiative's page among them.</summary>
    public static TheoryData<string> Pages => [.. SitePages.AllPages, "initiatives/hostile-name/index.html"];

    [SkippableTheory]
    [MemberData(nameof(Pages))]
    public async Task No_hostile_payload_runs_on_a_page_served_under_the_sites_policy(string pagePath)
    {
        // Given a page of the hostile build, served with the site's policy
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await SiteCsp.ApplyAsync(page, site.RepositoryRoot);
        var dialogs = RecordDialogs(page);

        // When it is opened
        await page.OpenAsync(hostile.Server.UrlOf(pagePath));

        // Then no dialog opened, no payload ran, the policy blocked nothing and no element has a handler
        await AssertInertAsync(page, pagePath, dialogs);
        var blocked = await page.EvaluateAsync<string[]>("() => window.blocked");
        Assert.True(blocked.Length == 0, $"{pagePath}: the policy blocked {string.Join(", ", blocked)}");
    }

    [SkippableFact]
    public async Task No_hostile_payload_runs_in_the_single_file_edition_without_a_policy()
    {
        // Given the single-file edition, which carries the hostile notes, cards and tooltips, with no policy to help
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var dialogs = RecordDialogs(page);

        // When it is opened
        await page.OpenAsync(hostile.Server.UrlOf(SitePages.SingleFile));

        // Then nothing of the payloads ran
        await AssertInertAsync(page, SitePages.SingleFile, dialogs);
    }

    private static List<string> RecordDialogs(IPage page)
    {
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            lock (dialogs)
            {
                dialogs.Add($"{dialog.Type}: {dialog.Message}");
            }

            await dialog.DismissAsync();
        };
        return dialogs;
    }

    private static async Task AssertInertAsync(IPage page, string pagePath, List<string> dialogs)
    {
        // The page really carries the payloads as text (else the test would prove nothing).
        var text = await page.EvaluateAsync<string>("() => document.documentElement.outerHTML");
        if (pagePath is "initiatives/hostile-name/index.html" or SitePages.Glossary)
        {
            Assert.Contains("window.__pwned=1", text, StringComparison.Ordinal);
        }

        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__pwned"));
        lock (dialogs)
        {
            Assert.True(dialogs.Count == 0, $"{pagePath}: a dialog opened: {string.Join(", ", dialogs)}");
        }

        var handlers = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].filter(a => /^on/i.test(a.name)).map(a => `${e.localName} ${a.name}`))");
        Assert.True(handlers.Length == 0, $"{pagePath}: elements with event handlers: {string.Join(", ", handlers)}");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.scripts].filter(s => s.textContent.includes('__pwned')).length"));
    }

    /// <summary>A copy of the committed input/ with the accepted hostile files, built into its own folder and served with the site's policy.</summary>
    public sealed class HostileSite : IAsyncLifetime
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "marginalia-hostile-" + Guid.NewGuid().ToString("N"));
        private StaticSiteServer? _server;

        public StaticSiteServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

        /// <summary>The accepted hostile files: relative path and text.</summary>
        public static IReadOnlyList<(string Path, string Text)> Files { get; } =
        [
            ("input/glossary/hostile-term.md",
                $"---\nterm: \"<img src=x onerror={Run}>\"\naliases: [\"<script>{Run}</script>\"]\nshort: \"A definition.\"\nauthor: mallory\n" +
                $"sources:\n  - title: \"<script>{Run}</script>\"\n    url: \"https://x.test/?a=1&b=<2>\"\n---\n" +
                $"See [x](https://x.test/\"onmouseover=\"{Run}).\n"),
            ("input/initiatives/hostile-name.md",
                $"---\nname: \"<script>{Run}</script>\"\nmentions: [\"Estonia\"]\nsummary: \"A summary.\"\nauthor: mallory\n" +
                $"kind: \"\\\" onmouseover=\\\"{Run}\"\n" +
                $"sources:\n  - title: \"<style>*{{x:expression({Run})}}</style>\"\n    url: \"https://x.test/?a=1&b=<2>\"\n---\n" +
                $"Text expression({Run}) and url(javascript:{Run}).\n"),
            ("input/annotations/hostile-bodies.md",
                $"---\nquote: \"India’s Bhashini project\"\nauthor: mallory\ncreated: 2026-11-27\n" +
                $"sources:\n  - title: \"<img src=x onerror={Run}>\"\n    url: \"https://x.test/\"\n---\n" +
                $"See [x](https://x.test/\"onmouseover=\"{Run}).\n\n" +
                $"See [y](https://x.test/ \"a\\\" onmouseover=\\\"{Run}\").\n\n" +
                $"&lt;script&gt;{Run}&lt;/script&gt; text.\n\n" +
                $"Code `<script>{Run}</script>` here.\n\n" +
                $"Mail [m](mailto:a@b.test?body=<script>).\n\n" +
                $"    <img src=x onerror={Run}>\n"),
        ];

        public async Task InitializeAsync()
        {
            var repository = RepositoryRoot.Find();
            CommittedInput.CopyTo(repository, Path.Combine(_root, "input"));
            CommittedInput.CopyFolder(Path.Combine(repository, "theme"), Path.Combine(_root, "theme"));
            foreach (var (path, text) in Files)
            {
                await File.WriteAllTextAsync(Path.Combine(_root, path), text);
            }

            var result = await SiteBuilder.BuildAsync(new BuildOptions(Input: "input", Theme: "theme", Output: "site") { WorkingDirectory = _root });
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("The hostile site did not build:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics));
            }

            var policy = await SiteCsp.PolicyAsync(repository);
            _server = await StaticSiteServer.StartAsync(Path.Combine(_root, "site"), headers: new Dictionary<string, string> { ["Content-Security-Policy"] = policy });
        }

        public async Task DisposeAsync()
        {
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }

            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }
        }

    }
}

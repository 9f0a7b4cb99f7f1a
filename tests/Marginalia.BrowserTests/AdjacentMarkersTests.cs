using Marginalia.BrowserTests.Infrastructure;
using Marginalia.Site;
using Marginalia.Testing;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// Two notes on one passage (a context note and a fact-check) put their markers side by side: they must read as two
/// numbers ("4,5"), never as one ("45"), at every width, with and without the script, each still its own target.
/// </summary>
[Collection(BuiltSite.Collection)]
public sealed class AdjacentMarkersTests(SiteFixture site, AdjacentMarkersTests.SharedPassageSite shared) : IClassFixture<AdjacentMarkersTests.SharedPassageSite>
{
    public static TheoryData<int, bool> WidthsWithAndWithoutScript => new()
    {
        { 1440, true },
        { 1024, true },
        { 390, true },
        { 1440, false },
        { 390, false },
    };

    [SkippableTheory]
    [MemberData(nameof(WidthsWithAndWithoutScript))]
    public async Task Two_markers_on_one_passage_read_as_two_numbers_and_are_two_targets(int width, bool script)
    {
        // Given the reader of a site where a second note sits on the passage of the first
        await using var context = await site.NewContextAsync(width, 900, options => options.JavaScriptEnabled = script);
        var page = await context.NewPageAsync();
        await page.OpenAsync(shared.Server.UrlOf(SitePages.Reader));
        var second = page.Locator($"a.note-ref[href='#note-{SharedPassageSite.NoteId}']");
        var firstNote = await second.EvaluateAsync<string>("m => m.previousElementSibling.previousElementSibling.getAttribute('href').slice('#note-'.length)");
        var first = page.Locator($"a.note-ref[href='#note-{firstNote}']");
        var separator = second.Locator("xpath=preceding-sibling::*[1]");

        // When their rendered text is read the way the page shows it
        var numbers = (await first.InnerTextAsync(), await second.InnerTextAsync());
        var shown = await second.EvaluateAsync<string>("m => m.closest('p').innerText");

        // Then a comma stands between them, outside both links, in the line as a reader sees it
        Assert.Equal(int.Parse(numbers.Item1, System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(numbers.Item2, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains($"{numbers.Item1},{numbers.Item2}", shown, StringComparison.Ordinal);
        Assert.DoesNotContain($"{numbers.Item1}{numbers.Item2}", shown, StringComparison.Ordinal);
        Assert.Equal(",", await second.EvaluateAsync<string>("m => m.previousElementSibling.matches('span.note-ref-sep:not(a *)') ? m.previousElementSibling.innerText : ''"));

        // And the comma is on the markers' raised line, between them and not over either
        var a = (await first.BoundingBoxAsync())!;
        var comma = (await separator.BoundingBoxAsync())!;
        var b = (await second.BoundingBoxAsync())!;
        Assert.True(comma.X >= a.X + (a.Width / 2) && comma.X + comma.Width <= b.X + (b.Width / 2), $"comma at {comma.X}..{comma.X + comma.Width}, markers at {a.X}..{a.X + a.Width} and {b.X}..{b.X + b.Width}");
        Assert.InRange(comma.Y, a.Y - 4, a.Y + a.Height);

        // (For a person to look at: the paragraph, unfocused, in the system's temporary folder.)
        await page.Locator("p", new() { Has = second }).ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"marginalia-adjacent-markers-{width}{(script ? "" : "-noscript")}.png") });

        // And each number is its own focusable target: Tab goes from the first straight to the second
        await first.FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal(SharedPassageSite.NoteId, await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href').slice('#note-'.length)"));
    }

    [SkippableTheory]
    [InlineData("fact-check", 1440)]
    [InlineData("context", 1440)]
    [InlineData("context", 390)]
    public async Task With_either_notes_kind_filtered_out_the_comma_goes_with_its_marker(string hidden, int width)
    {
        // Given the reader of that site, the first note a context note and the second a fact check, with one of the
        // two kinds filtered out (notes-filter.js)
        await using var context = await site.NewContextAsync(width, 900);
        await context.AddInitScriptAsync($"localStorage.setItem('marginalia:note-kinds', '{hidden}')");
        var page = await context.NewPageAsync();
        await page.OpenAsync(shared.Server.UrlOf(SitePages.Reader));
        var second = page.Locator($"a.note-ref[href='#note-{SharedPassageSite.NoteId}']");
        var firstNumber = await second.EvaluateAsync<string>("m => m.previousElementSibling.previousElementSibling.textContent");
        var secondNumber = await second.TextContentAsync();

        // When the two markers and the comma between them are read as the page shows them
        var shown = await second.EvaluateAsync<string>(
            "m => [m.previousElementSibling.previousElementSibling, m.previousElementSibling, m].map(e => e.getClientRects().length > 0 ? e.textContent : '').join('')");

        // Then only the other note's number stands there, with no comma
        Assert.Equal(hidden == "context" ? secondNumber : firstNumber, shown);
    }

    /// <summary>A copy of the site with a fact-check on the passage of the first note in reading order.</summary>
    public sealed class SharedPassageSite : IAsyncLifetime
    {
        public const string NoteId = "second-on-one-passage";

        private readonly string _root = Path.Combine(Path.GetTempPath(), "marginalia-shared-passage-" + Guid.NewGuid().ToString("N"));
        private StaticSiteServer? _server;

        public StaticSiteServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

        public async Task InitializeAsync()
        {
            var repository = RepositoryRoot.Find();
            CommittedInput.CopyTo(repository, Path.Combine(_root, "input"));
            CommittedInput.CopyFolder(Path.Combine(repository, "theme"), Path.Combine(_root, "theme"));
            var quote = File.ReadLines(Path.Combine(repository, "input", "annotations", "bhashini-project.md")).First(l => l.StartsWith("quote:", StringComparison.Ordinal));
            await File.WriteAllTextAsync(Path.Combine(_root, "input", "annotations", NoteId + ".md"),
                $"---\n{quote}\nkind: fact-check\nauthor: tester\ncreated: 2026-12-01\n" +
                "sources:\n  - title: \"A source\"\n    url: \"https://example.org/\"\n---\nA second note on the same passage.\n");
            var result = await SiteBuilder.BuildAsync(new BuildOptions(Input: "input", Theme: "theme", Output: "site") { WorkingDirectory = _root });
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("The shared-passage site did not build:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics));
            }

            _server = await StaticSiteServer.StartAsync(Path.Combine(_root, "site"));
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

using Marginalia.BrowserTests.Infrastructure;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// What a reader sees first: the essay's opening text on the first screen of a laptop, the title block, the editions
/// line and the controls in one column with no gap left by the contents beside them.
/// </summary>
[Collection(BuiltSite.Collection)]
public sealed class ReaderOpeningTests(SiteFixture site)
{
    [SkippableFact]
    public async Task The_first_screen_of_a_1024_by_768_window_shows_the_essays_opening_text()
    {
        // Given a laptop's window
        await using var context = await site.NewContextAsync(1024, 768);
        var page = await context.NewPageAsync();

        // When the reader opens the essay
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));

        // Then at least the first two lines of its opening paragraph are on screen without scrolling
        var opening = await page.EvaluateAsync<double[]>(
            """
            () => {
              const p = document.querySelector('.essay-section > p');
              const r = p.getBoundingClientRect();
              return [r.top, parseFloat(getComputedStyle(p).lineHeight), scrollY];
            }
            """);
        Assert.Equal(0, opening[2]);
        Assert.True(opening[0] + (2 * opening[1]) <= 768, $"the opening paragraph starts at y={opening[0]}, so its first two lines end below the 768 px window");
    }

    [SkippableTheory]
    [InlineData(1024)]
    [InlineData(1440)]
    [InlineData(1920)]
    public async Task Title_block_editions_and_controls_stack_without_a_gap_and_all_come_before_the_essay(int width)
    {
        // Given a window with a margin, where the contents stand beside the title block
        await using var context = await site.NewContextAsync(width, 900);
        var page = await context.NewPageAsync();

        // When the reader has loaded
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var tops = await page.EvaluateAsync<Dictionary<string, double>>(
            """
            () => Object.fromEntries(['.essay-header', '.downloads', '.reader-controls', '.essay-body', '.toc'].map(selector => {
              const r = document.querySelector('.essay ' + selector).getBoundingClientRect();
              return [[selector + ' top', r.top + scrollY], [selector + ' bottom', r.bottom + scrollY], [selector + ' left', r.left]];
            }).flat())
            """);

        // Then the editions line follows the title block closely (no room held open for the contents), the
        // controls follow it, and the essay follows them
        var gap = tops[".downloads top"] - tops[".essay-header bottom"];
        Assert.InRange(gap, 0, 48);
        Assert.True(tops[".reader-controls top"] >= tops[".downloads bottom"], "the controls stand above the editions line");
        Assert.True(tops[".essay-body top"] >= tops[".reader-controls bottom"], "the essay starts above the controls");

        // And the contents stand beside the title block, not in the text column
        Assert.NotEqual(tops[".essay-header left"], tops[".toc left"]);
    }
}

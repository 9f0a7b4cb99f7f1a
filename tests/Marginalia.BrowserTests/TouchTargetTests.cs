using Marginalia.BrowserTests.Infrastructure;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// On a touch screen every note marker is a 24 × 24 px target (WCAG 2.2, 2.5.8), markers that touch stay apart, and
/// the lines holding them keep the essay's leading.
/// </summary>
[Collection(BuiltSite.Collection)]
public sealed class TouchTargetTests(SiteFixture site)
{
    [SkippableTheory]
    [InlineData(390)]
    [InlineData(1024)]
    public async Task Every_marker_is_a_24px_target_on_a_touch_screen_and_its_line_keeps_the_leading(int width)
    {
        // Given the reader on a touch screen (a phone, a tablet held sideways)
        await using var context = await site.NewContextAsync(width, 800, options =>
        {
            options.HasTouch = true;
            options.IsMobile = true;
        });
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));

        // When every marker is brought into view and hit-tested 11 px above, below, left and right of its centre
        var problems = await page.EvaluateAsync<string[]>(
            """
            () => {
              const problems = [];
              for (const marker of document.querySelectorAll('a.note-ref')) {
                marker.scrollIntoView({ block: 'center' });
                const r = marker.getBoundingClientRect();
                const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
                if (r.width < 24) problems.push(`${marker.id} is ${r.width}px wide`);
                for (const [dx, dy] of [[0, -11.5], [0, 11.5], [-11.5, 0], [11.5, 0]]) {
                  const hit = document.elementFromPoint(x + dx, y + dy);
                  if (!hit || hit.closest('a.note-ref') !== marker) {
                    problems.push(`${marker.id}: a touch ${dx},${dy} from its centre lands on ${hit ? hit.outerHTML.slice(0, 60) : 'nothing'}`);
                  }
                }
              }
              return problems;
            }
            """);

        // Then each marker answers across its whole 24 × 24 px (and so no two markers share a point)
        Assert.True(problems.Length == 0, string.Join(Environment.NewLine, problems.Take(12)));

        // And in every paragraph with a marker, the lines stand at the same distance apart as in one without
        var spacings = await page.EvaluateAsync<double[][]>(
            """
            () => [...document.querySelectorAll('.essay-section > p')].filter(p => p.querySelector('a.note-ref')).map(p => {
              const tops = [];
              const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (node.parentElement.closest('a.note-ref, .note-ref-sep, .permalink, .cite-button')) continue;
                const range = document.createRange();
                range.selectNodeContents(node);
                for (const rect of range.getClientRects()) {
                  if (rect.width > 0 && !tops.some(top => Math.abs(top - rect.bottom) < 2)) tops.push(rect.bottom);
                }
              }
              tops.sort((a, b) => a - b);
              return tops.slice(1).map((top, i) => top - tops[i]);
            })
            """);
        var leading = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('.essay-section > p')).lineHeight)");
        Assert.True(spacings.Length > 5, $"only {spacings.Length} paragraphs with markers were measured");
        Assert.All(spacings.SelectMany(s => s), spacing => Assert.InRange(spacing, leading - 1, leading + 1));
    }
}

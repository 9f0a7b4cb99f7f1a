using Marginalia.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>Printing the reader gives the essay with numbered endnotes, link targets spelled out and no site chrome.</summary>
[Collection(BuiltSite.Collection)]
public sealed class PrintTests(SiteFixture site)
{
    [SkippableFact]
    public async Task The_printed_reader_has_endnotes_link_targets_and_no_navigation()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        var printed = await page.EvaluateAsync<string[]>(
            """
            () => {
              const shown = selector => [...document.querySelectorAll(selector)].filter(e => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0).length;
              const source = document.querySelector('.note-sources a[href^="http"]');
              return [
                String(shown('.site-nav')), String(shown('.toc')), String(shown('.reader-controls')), String(shown('.downloads')),
                String(shown('.note')), String(document.querySelectorAll('a.note-ref').length),
                getComputedStyle(source, '::after').content, source.getAttribute('href'),
              ];
            }
            """);

        Assert.Equal(["0", "0", "0", "0"], printed[..4]);
        Assert.Equal(printed[5], printed[4]);
        Assert.StartsWith("https://", printed[7], StringComparison.Ordinal);
        Assert.Equal($"\" ({printed[7]})\"", printed[6]);
    }
}

using System.Text.RegularExpressions;
using System.Text.Json;
using Marginalia.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// The initiatives' own pages and their index: the facts box set as a two-column table, the "In the essay"
/// passages leading back to the paragraphs they quote, and every initiative listed once under its region.
/// Axe, the Nu checker, the phone widths and loading from disk cover these pages with every other page, through
/// <see cref="SitePages"/>.
/// </summary>
[Collection(BuiltSite.Initiatives)]
public sealed class InitiativePagesTests(SiteFixture site)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TheoryData<string, int> EachInitiativePageAtTwoWidths
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var page in SitePages.InitiativePages)
            {
                data.Add(page, 1400);
                data.Add(page, 320);
            }

            return data;
        }
    }

    [SkippableTheory]
    [MemberData(nameof(EachInitiativePageAtTwoWidths))]
    public async Task Facts_are_a_boxed_table_of_labels_and_values_side_by_side(string pagePath, int width)
    {
        // Given an initiative's page, on a wide window or the narrowest phone
        await using var context = await site.NewContextAsync(width, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(pagePath));

        // When its facts are measured
        var json = await page.Locator("main dl.facts").EvaluateAsync<string>(
            """
            facts => {
              const style = getComputedStyle(facts);
              return JSON.stringify({
                border: style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) >= 1,
                rows: [...facts.children].map(row => {
                  const label = row.querySelector('dt').getBoundingClientRect();
                  const value = row.querySelector('dd').getBoundingClientRect();
                  return { label: row.querySelector('dt').textContent.trim(), labelRight: label.right, labelTop: label.top, valueLeft: value.left, valueTop: value.top, valueRight: value.right };
                }),
                right: facts.getBoundingClientRect().right,
              });
            }
            """);
        var facts = JsonSerializer.Deserialize<Facts>(json, Json)!;

        // Then the box has an edge, and in every row the value stands to the right of its label on the same line,
        // all values starting at one left edge, none reaching out of the box
        Assert.True(facts.Border, $"{pagePath}: the facts have no border");
        Assert.NotEmpty(facts.Rows);
        foreach (var row in facts.Rows)
        {
            Assert.True(row.ValueLeft > row.LabelRight, $"{pagePath} at {width}px: the value of \"{row.Label}\" starts at {row.ValueLeft:0}px, left of its label's end ({row.LabelRight:0}px)");
            Assert.True(Math.Abs(row.ValueTop - row.LabelTop) < 8, $"{pagePath} at {width}px: \"{row.Label}\" and its value are not on one line ({row.LabelTop:0} vs {row.ValueTop:0})");
            Assert.True(row.ValueRight <= facts.Right, $"{pagePath} at {width}px: the value of \"{row.Label}\" reaches past the box");
        }

        Assert.Single(facts.Rows.Select(row => Math.Round(row.ValueLeft)).Distinct());
    }

    [SkippableTheory]
    [MemberData(nameof(SitePages.EachInitiativePage), MemberType = typeof(SitePages))]
    public async Task Each_passage_in_the_essay_list_quotes_the_paragraph_it_links_to(string pagePath)
    {
        // Given the reader's paragraphs as text, without their note numbers and ¶ signs, which a quotation leaves out
        await using var context = await site.NewContextAsync(1400, 900, options => options.JavaScriptEnabled = false);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.FileUrlOf(SitePages.Reader));
        var paragraphs = await page.EvaluateAsync<Dictionary<string, string>>(
            """
            () => Object.fromEntries([...document.querySelectorAll('#essay .essay-section > [id]')].map(block => {
              const copy = block.cloneNode(true);
              copy.querySelectorAll('.note-ref, .note-ref-sep, .permalink').forEach(element => element.remove());
              return [block.id, copy.textContent.replace(/\s+/g, ' ').trim()];
            }))
            """);

        // When the initiative's page lists where the essay mentions it
        await page.OpenAsync(site.FileUrlOf(pagePath));
        var json = await page.EvaluateAsync<string>(
            """
            () => JSON.stringify([...document.querySelectorAll('.initiative-mentions > li')].map(item => ({
              href: item.querySelector('a').getAttribute('href'),
              excerpt: item.querySelector('q').textContent.replace(/\s+/g, ' ').trim(),
            })))
            """);
        var passages = JsonSerializer.Deserialize<List<Passage>>(json, Json)!;

        // Then there is at least one, and each links to a block of the essay whose text holds the quoted words
        Assert.NotEmpty(passages);
        foreach (var passage in passages)
        {
            const string Prefix = "../../index.html#";
            Assert.StartsWith(Prefix, passage.Href, StringComparison.Ordinal);
            var id = passage.Href[Prefix.Length..];
            Assert.True(paragraphs.TryGetValue(id, out var text), $"{pagePath}: {passage.Href} names no block of the essay");
            var quoted = passage.Excerpt.Trim('…', ' ');
            Assert.True(text!.Contains(quoted, StringComparison.Ordinal), $"{pagePath}: \"{quoted}\" is not in #{id}: \"{text}\"");
        }
    }

    [SkippableFact]
    public async Task Following_a_passage_back_opens_the_essay_at_that_paragraph()
    {
        // Given an initiative's page opened from disk
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        var problems = PageProblems.RecordOn(page);
        await page.OpenAsync(site.FileUrlOf(SitePages.InitiativePages[0]));
        var link = page.Locator(".initiative-mentions a").First;
        var id = (await link.GetAttributeAsync("href"))!.Split('#')[1];

        // When the reader follows the first passage's link
        await link.ClickAsync();

        // Then the essay is open at that paragraph, which is the page's target and in view
        await page.WaitForAddressAsync(url => url.EndsWith($"index.html#{id}", StringComparison.Ordinal));
        var paragraph = page.Locator($"[id='{id}']");
        Assert.True(await paragraph.EvaluateAsync<bool>("block => block.matches(':target')"), $"#{id} is not the page's target");
        await Assertions.Expect(paragraph).ToBeInViewportAsync();
        Assert.True(problems.All.Count == 0, string.Join(Environment.NewLine, problems.All));
    }

    [SkippableFact]
    public async Task The_index_lists_every_initiative_once_under_the_region_its_page_gives()
    {
        // Given the index of initiatives, opened from disk
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.FileUrlOf(SitePages.Initiatives));

        // When its entries are read with the region each stands under
        var json = await page.EvaluateAsync<string>(
            """
            () => JSON.stringify([...document.querySelectorAll('main .initiatives-list > li')].map(item => {
              const region = item.closest('section.initiatives-region');
              const heading = region && document.getElementById(region.getAttribute('aria-labelledby'));
              return {
                page: new URL(item.querySelector('h3 a').getAttribute('href'), location.href).href,
                region: heading ? heading.textContent.trim() : '',
              };
            }))
            """);
        var entries = JsonSerializer.Deserialize<List<Entry>>(json, Json)!;

        // Then each initiative's page is listed exactly once
        var expected = SitePages.InitiativePages.Select(path => site.FileUrlOf(path).AbsoluteUri).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, entries.Select(entry => entry.Page).Order(StringComparer.Ordinal).ToList());

        // And under the region its own page names first in its facts
        foreach (var entry in entries)
        {
            await page.OpenAsync(new Uri(entry.Page));
            var region = page.Locator("dl.facts > div").Filter(new() { Has = page.Locator("dt", new() { HasTextString = "Region" }) }).Locator("dd");
            await Assertions.Expect(region).ToHaveTextAsync(new Regex("^" + Regex.Escape(entry.Region) + "(, |$)"));
        }
    }

    private sealed record Facts(bool Border, List<FactRow> Rows, double Right);

    private sealed record FactRow(string Label, double LabelRight, double LabelTop, double ValueLeft, double ValueTop, double ValueRight);

    private sealed record Passage(string Href, string Excerpt);

    private sealed record Entry(string Page, string Region);
}

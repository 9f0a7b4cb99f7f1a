using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Marginalia.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// The glossary page and its links with the essay: the A–Z bar, each entry's "Appears in ¶ n" links back to
/// the essay, and the essay's marked terms leading to entries that say what their tooltips say.
/// </summary>
[Collection(BuiltSite.Glossary)]
public sealed class GlossaryPageTests(SiteFixture site)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TheoryData<int, string> WidthsInBothColourSchemes => new()
    {
        { 1400, "light" },
        { 1400, "dark" },
        { 390, "light" },
        { 390, "dark" },
    };

    [SkippableFact]
    public async Task Every_appears_in_link_leads_to_the_essay_paragraph_of_that_number()
    {
        // Given the glossary page and the essay's paragraphs, numbered in reading order as the page numbers them
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.FileUrlOf(SitePages.Reader));
        var paragraphs = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#essay .essay-section > p[id]')].map(p => p.id)");
        await page.OpenAsync(site.FileUrlOf(SitePages.Glossary));

        // When every "Appears in" link is read
        var json = await page.EvaluateAsync<string>(
            """
            () => JSON.stringify([...document.querySelectorAll('.glossary-entry .glossary-uses a')].map(a => ({
              entry: a.closest('.glossary-entry').id,
              text: a.textContent.trim(),
              href: a.getAttribute('href'),
            })))
            """);
        var links = JsonSerializer.Deserialize<List<UseLink>>(json, Json)!;

        // Then there are some, and each names a paragraph of the essay by its id, with the number that
        // paragraph has in reading order
        Assert.NotEmpty(links);
        var problems = new List<string>();
        foreach (var link in links)
        {
            const string Prefix = "../index.html#";
            if (!link.Href.StartsWith(Prefix, StringComparison.Ordinal))
            {
                problems.Add($"{link.Entry}: \"{link.Text}\" goes to {link.Href}, not the essay");
                continue;
            }

            var index = Array.IndexOf(paragraphs, link.Href[Prefix.Length..]);
            if (index < 0)
            {
                problems.Add($"{link.Entry}: \"{link.Text}\" goes to {link.Href}, which is no paragraph of the essay");
            }
            else if (link.Text != $"¶ {index + 1}")
            {
                problems.Add($"{link.Entry}: \"{link.Text}\" goes to paragraph {index + 1} ({link.Href})");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [SkippableFact]
    public async Task An_appears_in_link_opens_the_essay_at_its_paragraph()
    {
        // Given the glossary page from disk
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.FileUrlOf(SitePages.Glossary));
        var link = page.Locator(".glossary-uses a").Last;
        var id = (await link.GetAttributeAsync("href"))!.Split('#')[1];

        // When the reader follows the last "Appears in" link
        await link.ClickAsync();

        // Then the essay is open at that paragraph, which is the target and in view
        await page.WaitForAddressAsync(url => url.EndsWith($"index.html#{id}", StringComparison.Ordinal) && !url.Contains("glossary", StringComparison.Ordinal));
        var paragraph = page.Locator($"p[id='{id}']");
        Assert.True(await paragraph.EvaluateAsync<bool>("p => p.matches(':target')"), "the paragraph is not the page's target");
        await Assertions.Expect(paragraph).ToBeInViewportAsync();
    }

    [SkippableFact]
    public async Task Every_marked_term_leads_to_an_entry_that_lists_its_paragraph_and_says_what_its_tooltip_says()
    {
        // Given the essay's marked terms, each with its paragraph and its tooltip's text
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.FileUrlOf(SitePages.Reader));
        var termsJson = await page.EvaluateAsync<string>(
            """
            () => JSON.stringify([...document.querySelectorAll('#essay a.term')].map(term => ({
              word: term.textContent.trim(),
              href: term.getAttribute('href'),
              paragraph: term.closest('p[id]')?.id ?? '',
              tip: document.getElementById(term.getAttribute('aria-describedby'))?.textContent.trim() ?? '',
            })))
            """);
        var terms = JsonSerializer.Deserialize<List<MarkedTerm>>(termsJson, Json)!;

        // And the glossary's entries, each with its short definition and the paragraphs it lists
        await page.OpenAsync(site.FileUrlOf(SitePages.Glossary));
        var entriesJson = await page.EvaluateAsync<string>(
            """
            () => JSON.stringify(Object.fromEntries([...document.querySelectorAll('.glossary-entry')].map(entry => [entry.id, {
              short: entry.querySelector('.glossary-short')?.textContent.trim() ?? '',
              paragraphs: [...entry.querySelectorAll('.glossary-uses a')].map(a => a.getAttribute('href').split('#')[1]),
            }])))
            """);
        var entries = JsonSerializer.Deserialize<Dictionary<string, Entry>>(entriesJson, Json)!;

        // Then every term links to an entry on the glossary page, which lists the term's paragraph among those
        // that use it and gives the same short definition as the term's tooltip
        Assert.NotEmpty(terms);
        var problems = new List<string>();
        foreach (var term in terms)
        {
            const string Prefix = "glossary/index.html#";
            var id = term.Href.StartsWith(Prefix, StringComparison.Ordinal) ? term.Href[Prefix.Length..] : null;
            if (id is null || !entries.TryGetValue(id, out var entry))
            {
                problems.Add($"\"{term.Word}\" links to {term.Href}, which is no entry of the glossary");
                continue;
            }

            if (!entry.Paragraphs.Contains(term.Paragraph))
            {
                problems.Add($"\"{term.Word}\" is used in {term.Paragraph}, which its entry {id} does not list ({string.Join(", ", entry.Paragraphs)})");
            }

            if (entry.Short != term.Tip)
            {
                problems.Add($"\"{term.Word}\": the tooltip says \"{term.Tip}\", the entry {id} says \"{entry.Short}\"");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [SkippableTheory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task Letter_links_jump_to_their_letter_headings(int width)
    {
        // Given the glossary page at a width
        await using var context = await site.NewContextAsync(width, 800);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Glossary));
        var letters = page.Locator("nav.az a");
        var count = await letters.CountAsync();
        Assert.True(count > 0, "the A–Z bar has no letter links");

        for (var i = 0; i < count; i++)
        {
            // When the reader follows each letter (back at the bar, as after reading an entry)
            var letter = letters.Nth(i);
            var text = (await letter.TextContentAsync())!.Trim();
            var href = (await letter.GetAttributeAsync("href"))!;
            await letter.ClickAsync();

            // Then the address names that letter's heading, which is the heading of a group of entries,
            // says the same letter, and is at the top of the window (or as near as the page's end allows)
            Assert.Equal(href, new Uri(page.Url).Fragment);
            var heading = page.Locator($"h3.glossary-letter[id='{href[1..]}']");
            await Assertions.Expect(heading).ToHaveTextAsync(text);
            Assert.True(await heading.EvaluateAsync<bool>("h => h.matches(':target') && h.parentElement.matches('section.glossary-group') && h.parentElement.querySelector('.glossary-entry') !== null"), $"{href} is not the target heading of a group with entries");
            var place = await heading.EvaluateAsync<double[]>("h => [h.getBoundingClientRect().top, innerHeight, scrollY + innerHeight >= document.documentElement.scrollHeight - 1 ? 1 : 0]");
            var (top, viewHeight, atEnd) = (place[0], place[1], place[2] == 1);
            Assert.True(top >= 0 && (top <= 60 || (atEnd && top < viewHeight)), $"after {text}, its heading is {top:0}px down a {viewHeight:0}px window");
        }
    }

    [SkippableFact]
    public async Task Letters_without_terms_are_shown_but_are_not_links_and_every_group_has_its_letter()
    {
        // Given the glossary page
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.FileUrlOf(SitePages.Glossary));

        // When its bar and its groups are read
        var bar = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('nav.az li')].map(li => (li.querySelector('a') ? 'a:' : 'span:') + li.textContent.trim())");
        var groups = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('section.glossary-group > h3.glossary-letter')].map(h => h.textContent.trim())");

        // Then the bar has the whole alphabet in order, a link for each letter with a group and plain text for
        // each without, and the groups come in that order
        Assert.Equal(Enumerable.Range('A', 26).Select(c => ((char)c).ToString()), bar.Select(item => item.Split(':')[1]));
        Assert.Equal(groups, bar.Where(item => item.StartsWith("a:", StringComparison.Ordinal)).Select(item => item.Split(':')[1]));
        Assert.True(await page.Locator("nav.az .az-empty").CountAsync() == bar.Count(item => item.StartsWith("span:", StringComparison.Ordinal)));
    }

    [SkippableTheory]
    [MemberData(nameof(WidthsInBothColourSchemes))]
    public async Task Axe_finds_no_violations_on_the_glossary_page_at_an_entry(int width, string colourScheme)
    {
        // Given the glossary page opened at an entry, as a term's link opens it (so the targeted entry's
        // colours are scanned too), at a width and in a colour scheme
        await using var context = await site.NewContextAsync(width, 900);
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = colourScheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var href = await page.Locator("a.term").First.GetAttributeAsync("href");
        await page.OpenAsync(new Uri(site.Server.UrlOf(SitePages.Reader), href));
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector(':target')?.matches('.glossary-entry') ?? false"), $"{page.Url} targets no entry");

        // When axe-core scans it
        AxeResult result = await page.RunAxeForViolationsAsync();

        // Then no rule is violated
        Assert.True(
            result.Violations.Length == 0,
            $"glossary at {width}px ({colourScheme}): axe-core found {result.Violations.Length} violation(s):{Environment.NewLine}{AxeReport.Describe(result.Violations)}");
    }

    private sealed record UseLink(string Entry, string Text, string Href);

    private sealed record MarkedTerm(string Word, string Href, string Paragraph, string Tip);

    private sealed record Entry(string Short, IReadOnlyList<string> Paragraphs);
}

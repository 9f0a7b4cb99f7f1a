using Microsoft.Playwright;

namespace Marginalia.BrowserTests;

/// <summary>Searching as a reader does: typing in the box of the page's header, and reading the results it lists.</summary>
internal static class Search
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public sealed record Result(string Kind, string Title, string Href, string? Target, string[] Marked);

    /// <summary>Types the query in the header's box (replacing what was there) and returns the results once listed.</summary>
    public static async Task<IReadOnlyList<Result>> TypeAsync(IPage page, string query)
    {
        await page.FocusAsync("#site-search-q");
        await page.FillAsync("#site-search-q", query);
        await page.WaitForFunctionAsync(
            "query => document.querySelector('#site-search .search-results')?.getAttribute('data-query') === query",
            query);
        return await ResultsAsync(page, "#site-search .search-results");
    }

    public static async Task<IReadOnlyList<Result>> ResultsAsync(IPage page, string list) =>
        System.Text.Json.JsonSerializer.Deserialize<Result[]>(await page.EvaluateAsync<string>(
            """
            list => JSON.stringify([...document.querySelectorAll(list + ' a.search-result')].map(a => ({
              kind: a.querySelector('.search-kind').textContent,
              title: a.querySelector('.search-title').textContent,
              href: a.getAttribute('href'),
              target: a.getAttribute('data-target'),
              marked: [...a.querySelectorAll('mark')].map(m => m.textContent),
            })))
            """,
            list), Json)!;
}

using Marginalia.Tests.Support;

namespace Marginalia.Tests.Site;

/// <summary>Notes arrive from anyone: a hostile one is refused with its code and nothing of it reaches the site.</summary>
public class HostileNoteTests
{
    [Theory]
    [InlineData("script", "Nice.\n\n<script>window.pwned = 1</script>\n", "MG0607", 8)]
    [InlineData("onerror", "An <img src=x onerror=\"window.pwned=1\"> picture.\n", "MG0607", 6)]
    [InlineData("jslink", "Click [here](javascript:window.pwned=1).\n", "MG0608", 6)]
    [InlineData("dataimage", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)\n", "MG0609", 6)]
    public async Task A_hostile_note_is_rejected_with_its_code_and_nothing_of_it_is_written(string id, string body, string code, int line)
    {
        // Given a site built once, then a hostile note added
        using var site = TempSite.CopyOfRepository();
        Assert.True((await site.BuildAsync()).Succeeded);
        var before = site.Snapshot();
        site.Write($"input/annotations/{id}.md", $"---\nquote: \"India’s Bhashini project\"\nauthor: mallory\ncreated: 2026-11-27\n---\n{body}");

        // When the site is built
        var result = await site.BuildAsync();

        // Then the build fails at the offending line, and the output is what it was
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((code, $"input/annotations/{id}.md", line), (error.Code.Id, error.Location.Path, error.Location.Line));
        Assert.Equal(before, site.Snapshot());
        Assert.DoesNotContain(before.Values, bytes => System.Text.Encoding.UTF8.GetString(bytes).Contains("pwned", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Front_matter_values_are_escaped_where_they_are_shown()
    {
        // Given a note whose source title is markup
        using var site = TempSite.CopyOfRepository();
        site.Write("input/annotations/escaped.md",
            "---\nquote: \"India’s Bhashini project\"\nauthor: mallory\ncreated: 2026-11-27\nsources:\n  - title: \"<script>window.pwned=1</script>\"\n    url: \"https://x.test/?a=1&b=<2>\"\n---\nBody.\n");

        // When the site is built
        var result = await site.BuildAsync();

        // Then it is shown as text
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var html = site.Read("output/index.html");
        Assert.Contains("&lt;script&gt;window.pwned=1&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>window", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://x.test/?a=1&amp;b=%3C2%3E\"", html, StringComparison.Ordinal);
    }
}

namespace Marginalia.Tests.Hostile;

/// <summary>
/// Bodies that look hostile but are allowed Markdown: the payload is text, or an allowed address whose quotes and
/// brackets are escaped. Each is built and its exact rendering on the notes page asserted.
/// </summary>
public class HostileNeutralisedBodyTests
{
    public static TheoryData<string, string, string> Neutralised => new()
    {
        // case (the note's id), body, the note body exactly as the notes page shows it
        { "quote-in-url", "See [x](https://x.test/\"onmouseover=\"window.__pwned=1).\n", "<p>See <a href=\"https://x.test/%22onmouseover=%22window.__pwned=1\">x</a>.</p>\n" },
        { "quote-in-title", "See [x](https://x.test/ \"a\\\" onmouseover=\\\"window.__pwned=1\").\n", "<p>See <a href=\"https://x.test/\" title=\"a&quot; onmouseover=&quot;window.__pwned=1\">x</a>.</p>\n" },
        { "css-as-text", "Text expression(window.__pwned=1) and url(javascript:window.__pwned=1).\n", "<p>Text expression(window.__pwned=1) and url(javascript:window.__pwned=1).</p>\n" },
        { "escaped-tags", "&lt;script&gt;window.__pwned=1&lt;/script&gt; text.\n", "<p>&lt;script&gt;window.__pwned=1&lt;/script&gt; text.</p>\n" },
        { "code-span", "Code `<script>window.__pwned=1</script>` here.\n", "<p>Code <code>&lt;script&gt;window.__pwned=1&lt;/script&gt;</code> here.</p>\n" },
        { "code-block", "    <img src=x onerror=window.__pwned=1>\n", "<pre><code>&lt;img src=x onerror=window.__pwned=1&gt;\n</code></pre>\n" },
        { "mailto-markup", "Mail [m](mailto:a@b.test?body=<script>).\n", "<p>Mail <a href=\"mailto:a@b.test?body=%3Cscript%3E\">m</a>.</p>\n" },
        { "zero-width-joiner", "हिन्‍दी and 👩‍💻 keep their joiners.\n", "<p>हिन्‍दी and 👩‍💻 keep their joiners.</p>\n" },
    };

    [Theory]
    [MemberData(nameof(Neutralised))]
    public async Task A_body_that_only_looks_hostile_is_rendered_inert(string name, string body, string expected)
    {
        // Given a note with the body
        var (site, result) = await HostileFiles.BuildWithAsync(true, ($"input/annotations/{name}.md", HostileFiles.Note(body)));
        using var _ = site;

        // Then it builds, and the notes page shows exactly the inert rendering
        Assert.Empty(HostileFiles.Errors(result));
        var page = site.Read("output/notes/index.html");
        var start = page.IndexOf($"id=\"note-{name}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"note-{name} is not on the notes page");
        var bodyAt = page.IndexOf("<div class=\"note-body\">", start, StringComparison.Ordinal) + "<div class=\"note-body\">".Length;
        Assert.Equal(expected, page[bodyAt..page.IndexOf("</div>", bodyAt, StringComparison.Ordinal)]);
    }
}

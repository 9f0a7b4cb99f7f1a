using AngleSharp.Html.Parser;
using Marginalia.Tests.Hostile;
using Marginalia.Tests.Support;
using Marginalia.Validation;

namespace Marginalia.Tests.Validation;

/// <summary>A page with two elements of one id fails the build (MG0506), naming the page and the id, wherever it comes from.</summary>
public sealed class DuplicateIdTests
{
    private static readonly HtmlParser Parser = new();

    [Theory]
    [InlineData("<p id=\"a\"></p><p id=\"a\"></p>", "a:2")]
    [InlineData("<p id=\"a\"></p><p id=\"b\"></p><p id=\"a\"></p><p id=\"b\"></p><p id=\"a\"></p>", "a:3 b:2")]
    [InlineData("<p id=\"b\"><span id=\"a\"></span></p><p id=\"a\"></p><i id=\"b\"></i>", "a:2 b:2")]
    [InlineData("<p id=\"A\"></p><p id=\"a\"></p>", "")] // ids are case-sensitive
    [InlineData("<p id=\"\"></p><p id=\"\"></p>", ":2")] // an empty id given twice is still given twice
    [InlineData("<p></p><p class=\"a\"></p><p data-id=\"a\"></p><p id=\"a\"></p>", "")]
    public void Each_repeated_id_is_found_once_with_how_many_elements_share_it(string html, string expected)
    {
        var found = DuplicateIds.In(Parser.ParseDocument(html).All);

        Assert.Equal(expected, string.Join(' ', found.Select(d => $"{d.Id}:{d.Count}")));
    }

    [Fact]
    public void Thousands_of_distinct_ids_and_one_repeat_are_told_apart()
    {
        var html = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"<p id=\"n{i}\"></p>")) + "<p id=\"n19999\"></p>";

        var found = DuplicateIds.In(Parser.ParseDocument(html).All);

        Assert.Equal(("n19999", 2), Assert.Single(found));
    }

    [Theory]
    [InlineData("about", "    <h1 id=\"page-title\">", "about/index.html", "page-title")]
    [InlineData("404", "    <h1 id=\"page-title\">", "404.html", "page-title")]
    [InlineData("glossary", "    <h1 id=\"page-title\">", "glossary/index.html", "page-title")]
    [InlineData("reader", "    <header class=\"essay-header\">", "index.html", "essay")]
    [InlineData("base", "<body", "about/index.html", "main")]
    public async Task A_layout_that_gives_an_id_twice_fails_the_build_naming_the_page_and_the_id(string layout, string before, string page, string id)
    {
        using var site = TempSite.CopyOfRepository();
        var file = $"theme/layouts/{layout}.liquid";
        if (layout == "base")
        {
            // The page shell: a second "main" on every page
            site.Edit(file, "</body>", "<div id=\"main\"></div></body>");
        }
        else
        {
            site.Edit(file, before, $"<span id=\"{id}\"></span>\n{before}");
        }

        var result = await site.BuildAsync(write: false);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code.Id == "MG0506" && d.Message.StartsWith($"{page}: id '{id}' is used by 2 elements", StringComparison.Ordinal));
        if (layout is "base" or "reader")
        {
            // The single-file edition is the reader in one file: it carries the duplicate too
            Assert.Contains(result.Diagnostics, d => d.Code.Id == "MG0506" && d.Message.StartsWith("downloads/", StringComparison.Ordinal)
                && d.Message.Contains($".html: id '{id}' is used by 2 elements", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("fn-1")]
    [InlineData("fn-2")]
    public async Task A_note_named_like_an_author_footnote_is_reserved_and_its_duplicates_are_named_on_every_page_and_book_document(string noteId)
    {
        // Given an essay with two footnotes of its own, and a note whose id is one of theirs
        var (site, result) = await BuildWithFootnotesAsync((noteId, HostileFiles.Note("A note.\n")));
        using var _ = site;

        // Then the note is refused by name (MG0615); the EPUB, checked as it is made, names the ids its essay has twice.
        // (The site's pages are checked with the links, which report only causes once an error is known.)
        Assert.False(result.Succeeded, string.Join('\n', result.Diagnostics));
        var reserved = Assert.Single(result.Diagnostics, d => d.Code.Id == "MG0615");
        Assert.Equal(($"input/annotations/{noteId}.md", 1, 1), (reserved.Location.Path, reserved.Location.Line, reserved.Location.Column));
        Assert.Contains($"note-{noteId}", reserved.Message, StringComparison.Ordinal);
        var duplicates = result.Diagnostics.Where(d => d.Code.Id == "MG0506").Select(d => d.Message).ToList();
        Assert.Contains(duplicates, m => m.EndsWith($".epub (EPUB/essay.xhtml): id 'note-{noteId}' is used by 2 elements; links to it reach only one of them", StringComparison.Ordinal));
        Assert.Contains(duplicates, m => m.EndsWith($".epub (EPUB/essay.xhtml): id 'ref-{noteId}' is used by 2 elements; links to it reach only one of them", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_footnotes_with_a_note_under_another_id_build_without_a_duplicate()
    {
        var (site, result) = await BuildWithFootnotesAsync(("context-fn-1", HostileFiles.Note("A note.\n")));
        using var _ = site;

        Assert.DoesNotContain(result.Diagnostics, d => d.Code.Id is "MG0506" or "MG0615");
    }

    private static async Task<(TempSite, Marginalia.Site.BuildResult)> BuildWithFootnotesAsync((string Id, string Text) note)
    {
        var site = TempSite.CopyOfRepository();
        site.Edit("input/essay.md", "move unfettered in mutual advantage.", "move unfettered in mutual advantage.[^1]");
        site.Edit("input/essay.md", "best use the resources of the world.", "best use the resources of the world.[^2]");
        await File.AppendAllTextAsync(site.PathOf("input/essay.md"), "\n[^1]: The author's first footnote.\n\n[^2]: The author's second.\n");
        site.Write($"input/annotations/{note.Id}.md", note.Text);
        return (site, await site.BuildAsync(write: false));
    }
}

using System.IO.Compression;
using AngleSharp.Html.Parser;
using Marginalia.Contributions;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Validation;

/// <summary>
/// Every id on every page of a full build (the real input, an author footnote and one more of each contribution) is
/// one PageIds accounts for: a fixed id of a layout or the EPUB, or one of its forms. An id a layout or the code
/// starts writing without PageIds knowing its form fails here, before a contribution can take it.
/// </summary>
public sealed class PageIdCoverageTests : IDisposable
{
    private readonly TempSite _site = TempSite.CopyOfRepository();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Every_id_on_every_page_and_book_document_is_covered_by_the_reserved_id_rule()
    {
        // Given the real input with an author footnote, a note on the same paragraph, a term and an initiative more
        _site.Edit("input/essay.md", "move unfettered in mutual advantage.", "move unfettered in mutual advantage.[^1]");
        await File.AppendAllTextAsync(_site.PathOf("input/essay.md"), "\n[^1]: The author's own footnote.\n");
        _site.Write("input/annotations/extra-note.md", "---\nquote: \"mutual advantage\"\nauthor: mallory\ncreated: 2026-11-27\n---\nA note.\n");
        _site.Write("input/glossary/extra-term.md", "---\nterm: \"marketplace\"\nshort: \"A place to trade.\"\nauthor: mallory\n---\nBody.\n");
        _site.Write("input/initiatives/extra-initiative.md", "---\nname: \"Extra\"\nmentions: [\"Estonia\"]\nsummary: \"A summary.\"\nauthor: mallory\n---\nBody.\n");

        // When it is built
        var result = await _site.BuildAsync();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));

        // Then every id of every HTML page, the single-file edition and every EPUB document is covered
        var ids = PageIds.FromLayouts(Directory.GetFiles(_site.PathOf("theme/layouts"), "*.liquid", SearchOption.AllDirectories).Select(File.ReadAllText));
        var contributed = new Dictionary<IdOwner, IReadOnlySet<string>>
        {
            [IdOwner.Note] = Names("annotations"),
            [IdOwner.Term] = Names("glossary"),
            [IdOwner.Initiative] = Names("initiatives"),
        };
        var pages = Directory.GetFiles(_site.OutputDir, "*.html", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(_site.OutputDir, f), File.ReadAllText(f))).ToList();
        var epub = Directory.GetFiles(_site.PathOf("output/downloads"), "*.epub").Single();
        using (var book = ZipFile.OpenRead(epub))
        {
            foreach (var entry in book.Entries.Where(e => e.FullName.EndsWith(".xhtml", StringComparison.Ordinal)))
            {
                using var text = new StreamReader(entry.Open());
                pages.Add(("epub:" + entry.FullName, text.ReadToEnd()));
            }
        }

        Assert.Contains(pages, p => p.Item1.StartsWith("epub:", StringComparison.Ordinal));
        Assert.Contains(pages, p => p.Item1.StartsWith("downloads", StringComparison.Ordinal));
        var seen = 0;
        var parser = new HtmlParser();
        foreach (var (page, html) in pages)
        {
            var all = parser.ParseDocument(html).All.Select(e => e.GetAttribute("id")).OfType<string>().ToList();
            Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
            foreach (var id in all)
            {
                Assert.True(ids.Covers(id, contributed), $"{page}: id '{id}' is made by no form PageIds knows, so a contribution could take it");
                seen++;
            }
        }

        // And the build really had the ids at stake
        Assert.True(seen > 500, $"{seen} ids");
        var reader = File.ReadAllText(_site.PathOf("output/index.html"));
        Assert.Contains("id=\"note-fn-1\"", reader, StringComparison.Ordinal);
        Assert.Contains("id=\"note-extra-note\"", reader, StringComparison.Ordinal);
        Assert.Contains("id=\"tip-extra-term\"", reader, StringComparison.Ordinal);
        Assert.Contains("id=\"card-extra-initiative\"", reader, StringComparison.Ordinal);
    }

    private HashSet<string> Names(string folder) =>
        [.. Directory.GetFiles(_site.PathOf("input/" + folder), "*.md").Select(Path.GetFileNameWithoutExtension).OfType<string>()];
}

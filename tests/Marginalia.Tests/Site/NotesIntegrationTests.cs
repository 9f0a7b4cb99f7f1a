using AngleSharp.Html.Parser;
using Marginalia.Text;
using Marginalia.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Marginalia.Tests.Site;

/// <summary>The repository's own notes, built into the real site.</summary>
public class NotesIntegrationTests : IClassFixture<BuiltSite>
{
    private readonly BuiltSite _site;

    public NotesIntegrationTests(BuiltSite site) => _site = site;

    private static IEnumerable<(string Id, string Quote)> RepositoryNotes() =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Input, "annotations"), "*.md").Order(StringComparer.Ordinal).Select(path =>
        {
            var text = File.ReadAllText(path);
            var yaml = text[4..text.IndexOf("\n---", 4, StringComparison.Ordinal)];
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            var quote = ((YamlScalarNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("quote")]).Value!;
            return (Path.GetFileNameWithoutExtension(path), quote);
        });

    [Fact]
    public void The_repository_has_at_least_eight_notes_of_every_kind()
    {
        var kinds = Directory.EnumerateFiles(Path.Combine(RepoPaths.Input, "annotations"), "*.md")
            .Select(File.ReadAllText)
            .Select(t => System.Text.RegularExpressions.Regex.Match(t, "^kind: *\"?([a-z-]+)", System.Text.RegularExpressions.RegexOptions.Multiline).Groups[1].Value)
            .ToHashSet();

        Assert.True(RepositoryNotes().Count() >= 8);
        Assert.Superset(new HashSet<string> { "context", "source", "fact-check", "counterpoint", "translation" }, kinds);
    }

    [Fact]
    public void Every_note_is_anchored_at_exactly_its_quote_in_the_reader()
    {
        var page = new HtmlParser().ParseDocument(_site.Read("index.html"));

        foreach (var (id, quote) in RepositoryNotes())
        {
            // The marked pieces of this note, in order, read as its quote (folded: the file may type straight quotes)
            var marked = string.Concat(page.QuerySelectorAll("mark.note-mark").Where(m => m.GetAttribute("data-notes")!.Split(' ').Contains(id)).Select(m => m.TextContent));
            Assert.Equal(Folding.FoldPhrase(quote), Folding.FoldPhrase(marked));

            // and its marker links to its endnote, which links back
            var marker = page.GetElementById("ref-" + id)!;
            Assert.Equal("#note-" + id, marker.GetAttribute("href"));
            Assert.Equal("doc-noteref", marker.GetAttribute("role"));
            var endnote = page.GetElementById("note-" + id)!;
            Assert.Equal("#ref-" + id, endnote.QuerySelector("[role=doc-backlink]")!.GetAttribute("href"));
            Assert.Equal($"Note {marker.TextContent}", marker.GetAttribute("aria-label"));
        }
    }

    [Fact]
    public void Markers_are_numbered_one_to_n_in_reading_order_and_endnotes_follow_that_order()
    {
        var page = new HtmlParser().ParseDocument(_site.Read("index.html"));
        var markers = page.QuerySelectorAll(".essay-body a.note-ref").ToList();
        var endnotes = page.QuerySelectorAll("section.endnotes[role=doc-endnotes] ol > li.note").ToList();

        Assert.Equal(RepositoryNotes().Count(), markers.Count);
        Assert.Equal(Enumerable.Range(1, markers.Count).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), markers.Select(m => m.TextContent));
        Assert.Equal(markers.Select(m => m.GetAttribute("href")), endnotes.Select(e => "#" + e.Id));
        Assert.All(endnotes, e => Assert.False(e.HasAttribute("data-note")));
    }

    [Fact]
    public void Each_note_shows_its_kind_author_sources_and_permalink()
    {
        var page = new HtmlParser().ParseDocument(_site.Read("index.html"));
        var note = page.GetElementById("note-bhashini-project")!;

        Assert.Equal("Context", note.QuerySelector(".note-kind")!.TextContent);
        Assert.Equal("https://github.com/marginalia-editors", note.QuerySelector(".note-meta a")!.GetAttribute("href"));
        Assert.Equal("#note-bhashini-project", note.QuerySelector("a.note-permalink")!.GetAttribute("href"));
        Assert.Contains("https://psa.gov.in/mission/natural-language-translation/33", note.QuerySelectorAll(".note-sources a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void The_notes_page_lists_every_note_by_section_with_its_quote_linked_to_its_place()
    {
        var page = new HtmlParser().ParseDocument(_site.Read("notes/index.html"));
        var items = page.QuerySelectorAll("section.notes-section li.note").ToList();

        Assert.Equal(RepositoryNotes().Count(), items.Count);
        Assert.Equal(6, page.QuerySelectorAll("section.notes-section").Length);
        var wto = page.GetElementById("note-wto-appellate-body")!;
        Assert.Equal("WTO", wto.QuerySelector(".note-quote a")!.TextContent);
        Assert.Equal("../index.html#ref-wto-appellate-body", wto.QuerySelector(".note-quote a")!.GetAttribute("href"));
        Assert.Equal("Completing the Unfinished Agenda of Globalisation", wto.Closest("section")!.QuerySelector("h2")!.TextContent);
    }

    [Fact]
    public void The_essay_plain_text_is_published_and_every_note_sits_inside_it()
    {
        var text = _site.Read("essay.txt");

        Assert.StartsWith("The early promise of globalisation", text, StringComparison.Ordinal);
        Assert.Contains("\n\nAI as a Platform of Mutualism\n\n", text, StringComparison.Ordinal);
        Assert.EndsWith("our most unexpected path to unity.\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("¶", text, StringComparison.Ordinal);
    }
}

using System.Text.RegularExpressions;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Search;

/// <summary>The search files of the committed input, built: every entry the reader could look for, and where each leads.</summary>
public sealed partial class SearchPipelineTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    [Fact]
    public void Every_paragraph_note_term_initiative_and_question_is_an_entry()
    {
        var index = SearchIndexReader.Read(site.Read("search/index.js"), site.Read("search/text.js"));
        var input = RepoPaths.Input;
        var count = (string folder) => Directory.GetFiles(Path.Combine(input, folder), "*.md").Length;
        var paragraphs = site.Read("index.html").Split("<p id=\"p-").Length - 1;

        Assert.Equal(paragraphs, index.Entries.Count(e => e.Kind == "Essay"));
        Assert.Equal(count("glossary"), index.Entries.Count(e => e.Kind == "Glossary"));
        Assert.Equal(count("initiatives"), index.Entries.Count(e => e.Kind == "Initiative"));
        Assert.Equal(count("questions"), index.Entries.Count(e => e.Kind == "Question"));

        // The contributed notes and the author's footnotes, as the reader numbers them
        Assert.Equal(NoteNumbers().Count(site.Read("index.html")), index.Entries.Count(e => e.Kind == "Note"));
        Assert.True(count("annotations") <= index.Entries.Count(e => e.Kind == "Note"));
    }

    [Fact]
    public void Every_entry_leads_to_an_element_that_exists_and_the_reader_shows_its_target()
    {
        var index = SearchIndexReader.Read(site.Read("search/index.js"), site.Read("search/text.js"));
        var reader = site.Read("index.html");
        foreach (var entry in index.Entries)
        {
            var (page, fragment) = entry.Path.Split('#') is [var p, var f] ? (p, f) : (entry.Path, string.Empty);
            var html = site.Read(page);
            Assert.True(fragment.Length == 0 || html.Contains($"id=\"{fragment}\"", StringComparison.Ordinal), $"{entry.Path}: no element {fragment}");
            Assert.True(entry.Target.Length == 0 || reader.Contains($"id=\"{entry.Target}\"", StringComparison.Ordinal), $"{entry.Title}: the reader has no {entry.Target}");
        }
    }

    [Fact]
    public void A_word_of_the_essay_finds_its_paragraph()
    {
        var index = SearchIndexReader.Read(site.Read("search/index.js"), site.Read("search/text.js"));

        // "Bhashini" is in one paragraph of the essay, and on its initiative page, glossary-free
        var bhashini = index.Postings["bhashini"].Select(p => index.Entries[p.Entry]).ToList();
        Assert.Contains(bhashini, e => e.Kind == "Essay" && e.Text.Contains("India’s Bhashini project", StringComparison.Ordinal));
        Assert.Contains(bhashini, e => e.Kind == "Initiative" && e.Title == "Bhashini");
    }

    [GeneratedRegex("<li id=\"note-[^\"]+\" class=\"note ")]
    private static partial Regex NoteNumbers();
}

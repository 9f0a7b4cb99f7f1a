using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Marginalia.Editions.Epub;
using Marginalia.Questions;
using Marginalia.Tests.Editions.Epub;
using Marginalia.Tests.Support;
using Marginalia.Text;

namespace Marginalia.Tests.Questions;

/// <summary>
/// The reading guide of the repository's real site (its 23 questions): built once, with the build's own link check
/// passing, and checked against the reader page it links to and the input it lists.
/// </summary>
public class ReadingGuidePageTests(BuiltEpub built) : IClassFixture<BuiltEpub>
{
    private static readonly HtmlParser Parser = new();

    private IDocument Guide => Parser.ParseDocument(built.Site.Read(ReadingGuide.Path));

    private IDocument Reader => Parser.ParseDocument(built.Site.Read("index.html"));

    private static List<string> InputIds =>
        [.. Directory.GetFiles(Path.Combine(RepoPaths.Input, "questions"), "*.md").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_question_of_the_input_is_listed_once_under_its_section_in_reading_order()
    {
        // Given the reader page: its prompts in reading order, each in its section, known by their text (a prompt
        // carries no id); a question quoting the section's heading is about the section
        var byText = Guide.QuerySelectorAll("li.guide-question").ToDictionary(li => "Discuss: " + li.QuerySelector(".guide-question-text")!.TextContent, li => li.Id!, StringComparer.Ordinal);
        var expected = Reader.QuerySelectorAll("section.essay-section").Select(section => (
                Section: section.Id!,
                Questions: section.QuerySelectorAll("div.question-prompt")
                    .Select(p => (Id: byText[p.TextContent], AboutSection: AboutSection(byText[p.TextContent][Question.IdPrefix.Length..], section)))
                    .OrderByDescending(q => q.AboutSection) // stable: reading order kept within each part
                    .Select(q => q.Id)
                    .ToList()))
            .Where(s => s.Questions.Count > 0)
            .ToList();

        // When the guide is read section by section
        var sections = Guide.QuerySelectorAll("section.guide-section")
            .Select(s => (Section: s.QuerySelector("h2")!.Id!, Questions: s.QuerySelectorAll("li.guide-question").Select(li => li.Id!).ToList()))
            .ToList();

        // Then it lists the same sections and questions in the same order, and every question of the input exactly once
        Assert.Equal(expected.Select(s => ReadingGuide.SectionIdPrefix + s.Section), sections.Select(s => s.Section));
        Assert.Equal(expected.Select(s => s.Questions), sections.Select(s => s.Questions));
        var listed = sections.SelectMany(s => s.Questions).ToList();
        Assert.Equal(23, listed.Count);
        Assert.Equal(InputIds.Select(id => Question.IdPrefix + id), listed.Order(StringComparer.Ordinal));
        Assert.Equal(Guide.QuerySelectorAll("h2").Length, sections.Count);
    }

    [Fact]
    public void Every_question_links_to_the_passage_it_quotes_on_the_reader_page()
    {
        var reader = Reader;
        foreach (var item in Guide.QuerySelectorAll("li.guide-question"))
        {
            // Given a question's passage link (hints may link to notes in the reader too, so those are left out)
            var link = Assert.Single(item.QuerySelectorAll("a[href^='../index.html#']"), a => a.Closest(".guide-hints-body") is null);
            var target = reader.GetElementById(link.GetAttribute("href")!["../index.html#".Length..]);

            // Then it lands on an element of the reader that holds the quotation (or, for a section's question, the section)
            Assert.True(target is not null, $"{item.Id}: {link.GetAttribute("href")} is no id of the reader page");
            var quote = item.QuerySelector("blockquote.guide-quote");
            if (quote is null)
            {
                Assert.Equal("About the whole section", link.TextContent);
                Assert.Equal("section", target.LocalName);
            }
            else
            {
                // The essay's own text: note markers (numbers) stand inside some quoted passages
                var text = (IElement)target.Clone();
                foreach (var marker in text.QuerySelectorAll("a.note-ref").ToList())
                {
                    marker.Remove();
                }

                Assert.Contains(Letters(quote.TextContent), Letters(text.TextContent), StringComparison.Ordinal);
            }

            // And its prompt stands in that passage's section on the reader page
            var prompt = Assert.Single(reader.QuerySelectorAll("div.question-prompt"), p => p.TextContent == "Discuss: " + item.QuerySelector(".guide-question-text")!.TextContent);
            Assert.False(prompt.HasAttribute("data-question"));
            Assert.Equal(target.Closest("section")!.Id, prompt!.Closest("section")!.Id);
        }
    }

    [Fact]
    public void A_question_shows_its_text_level_hints_folded_and_byline()
    {
        // Given a committed question with a level, hints and sources
        var source = File.ReadAllText(Path.Combine(RepoPaths.Input, "questions", "ai-as-a-commons.md"));
        var item = Guide.GetElementById(Question.IdPrefix + "ai-as-a-commons")!;

        // Then the guide shows each of them
        Assert.StartsWith("What would it mean to govern AI ‘as a commons’", item.QuerySelector(".guide-question-text strong")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("introductory", item.QuerySelector(".guide-level")!.TextContent);
        var hints = item.QuerySelector("details.guide-hints")!;
        Assert.False(hints.HasAttribute("open"));
        Assert.Equal("Hints for the discussion", hints.QuerySelector("summary")!.TextContent);
        Assert.Contains("Elinor Ostrom showed that users can run shared resources themselves", hints.TextContent, StringComparison.Ordinal);
        Assert.Contains("Elinor Ostrom And The Digital Commons", item.QuerySelector("ul.note-sources")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("By @marginalia-editors, 4 December 2026", item.QuerySelectorAll(".note-meta")[^1].TextContent);
        Assert.Contains("created: 2026-12-04", source, StringComparison.Ordinal);
    }

    [Fact]
    public void The_guide_is_in_the_sitemap_and_the_offline_precache_and_loads_the_questions_stylesheet()
    {
        Assert.Contains("/reading-guide/</loc>", built.Site.Read("sitemap.xml"), StringComparison.Ordinal);
        Assert.Contains("\"reading-guide/index.html\"", built.Site.Read("sw.js"), StringComparison.Ordinal);
        var stylesheet = Guide.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single(h => h.Contains("questions.", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(built.Site.OutputDir, "reading-guide", stylesheet)), stylesheet);
        Assert.Equal("Reading guide · ", Guide.Title![..16]);
    }

    [Fact]
    public void The_epub_has_the_guide_as_a_chapter_with_every_question_and_links_that_resolve_in_the_book()
    {
        // Given the book's guide chapter, navigation and package
        var chapter = built.Entry("EPUB/" + ReadingGuideChapter.FileName);
        var nav = built.Entry("EPUB/" + BookLinks.NavFile);
        var package = built.Entry("EPUB/content.opf");

        // Then it is listed, in the spine, and holds every question of the input
        Assert.Contains($"<a href=\"{ReadingGuideChapter.FileName}\">Reading guide</a>", nav, StringComparison.Ordinal);
        Assert.Contains("<itemref idref=\"reading-guide\"", package, StringComparison.Ordinal);
        var document = Parser.ParseDocument(chapter);
        Assert.Equal(InputIds.Select(id => Question.IdPrefix + id), document.QuerySelectorAll("li.guide-question").Select(li => li.Id!).Order(StringComparer.Ordinal));

        // And every link in it lands on an element of a document of the book, or leaves for the web
        var documents = built.EntryNames().Where(n => n.EndsWith(".xhtml", StringComparison.Ordinal))
            .ToDictionary(n => n["EPUB/".Length..], n => Parser.ParseDocument(built.Entry(n)), StringComparer.Ordinal);
        var links = document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
        // (a hint may also link to a note in the essay's chapter; only the passages are counted)
        var passageLinks = document.QuerySelectorAll("a[href]").Where(a => a.Closest(".guide-hints-body") is null);
        Assert.Equal(23, passageLinks.Count(a => a.GetAttribute("href")!.StartsWith(BookLinks.EssayFile + "#", StringComparison.Ordinal)));
        foreach (var href in links.Where(h => !h.StartsWith("https://", StringComparison.Ordinal) && !h.StartsWith("http://", StringComparison.Ordinal)))
        {
            var (file, fragment) = href.Split('#') is [var f, var id] ? (f.Length == 0 ? ReadingGuideChapter.FileName : f, id) : (href, null);
            Assert.True(documents.TryGetValue(file, out var target), $"{href}: no {file} in the book");
            Assert.True(fragment is null || target.GetElementById(fragment) is not null, $"{href}: no #{fragment} in {file}");
        }
    }

    /// <summary>Letters and digits only: a quote matches the essay whatever its dashes, spaces and quotation marks (as the build's matching does).</summary>
    private static string Letters(string text) => string.Concat(text.Where(char.IsLetterOrDigit));

    private static bool AboutSection(string id, IElement section)
    {
        var quote = File.ReadAllLines(Path.Combine(RepoPaths.Input, "questions", id + ".md")).Single(l => l.StartsWith("quote: ", StringComparison.Ordinal))["quote: ".Length..].Trim('"');
        return section.QuerySelector("h2") is { } heading && Folding.FoldPhrase(heading.TextContent) == Folding.FoldPhrase(quote);
    }
}

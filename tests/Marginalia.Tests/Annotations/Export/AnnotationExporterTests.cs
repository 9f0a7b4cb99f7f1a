using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Marginalia.Annotations;
using Marginalia.Annotations.Export;

namespace Marginalia.Tests.Annotations.Export;

public sealed class AnnotationExporterTests
{
    private static readonly JsonArray Items = (JsonArray)JsonNode.Parse(ExportFixture.Export())!["first"]!["items"]!;

    [Fact]
    public void Every_text_position_selector_slices_the_code_points_of_the_text_to_exactly_the_quote()
    {
        // Given the essay as code points (each emoji one element)
        var codePoints = ExportFixture.Essay.EnumerateRunes().Select(rune => rune.ToString()).ToArray();

        // When each annotation's position selector is applied to them
        var slices = Items.Select(item => (
            Exact: (string)Selector(item!, "TextQuoteSelector")["exact"]!,
            Slice: string.Concat(codePoints[(int)Selector(item!, "TextPositionSelector")["start"]!..(int)Selector(item!, "TextPositionSelector")["end"]!])));

        // Then the slice is the quote, every time
        Assert.All(slices, slice => Assert.Equal(slice.Exact, slice.Slice));
        Assert.Equal(ExportFixture.Notes.Select(n => n.Exact(ExportFixture.Essay)), slices.Select(s => s.Exact));
    }

    [Fact]
    public void Positions_after_an_emoji_are_one_less_than_their_utf16_offsets()
    {
        // Given the Bhashini note, anchored at UTF-16 [86, 153) after one emoji and ending with two
        var anchored = ExportFixture.Notes.Single(n => n.Note.Id == "bhashini-languages");
        var item = Items.Single(i => (string)i!["id"]! == "https://example.org/essay/#note-bhashini-languages")!;

        // When its position selector is read
        var position = Selector(item, "TextPositionSelector");

        // Then start counts the emoji before it once, and end also counts the two inside it once each
        Assert.Equal((86, 153), (anchored.Start, anchored.End));
        Assert.Equal(85, (int)position["start"]!);
        Assert.Equal(150, (int)position["end"]!);
    }

    [Fact]
    public void Prefix_and_suffix_are_at_most_32_code_points_of_the_text_around_the_quote_and_never_split_a_pair()
    {
        // Given every exported quote selector with the note it came from
        var pairs = ExportFixture.Notes.Zip(Items, (note, item) => (Note: note, Quote: Selector(item!, "TextQuoteSelector")));

        // When prefix and suffix are compared with the text around the anchored span
        // Then each is the text right before or after it, at most 32 code points, whole pairs only
        Assert.All(pairs, pair =>
        {
            var prefix = (string?)pair.Quote["prefix"] ?? string.Empty;
            var suffix = (string?)pair.Quote["suffix"] ?? string.Empty;
            Assert.True(prefix.EnumerateRunes().Count() <= 32, prefix);
            Assert.True(suffix.EnumerateRunes().Count() <= 32, suffix);
            Assert.True(prefix.Length == 0 || !char.IsLowSurrogate(prefix[0]), prefix);
            Assert.True(suffix.Length == 0 || !char.IsHighSurrogate(suffix[^1]), suffix);
            Assert.Equal(ExportFixture.Essay[(pair.Note.Start - prefix.Length)..pair.Note.Start], prefix);
            Assert.Equal(ExportFixture.Essay[pair.Note.End..(pair.Note.End + suffix.Length)], suffix);
        });
    }

    [Fact]
    public void Prefix_with_emoji_holds_32_code_points_in_34_utf16_units()
    {
        // Given the note on "ask in Marathi", two emoji and 20 characters after "languages"
        var item = Items.Single(i => (string)i!["id"]! == "https://example.org/essay/#note-marathi-question")!;

        // When its quote selector is read
        var quote = Selector(item, "TextQuoteSelector");

        // Then the prefix is the last 32 code points before the quote, the emoji counted once each
        Assert.Equal("anguages 🌍🤝 so that farmers can ", (string)quote["prefix"]!);
        Assert.Equal(".\nSeveral efforts point in the r", (string)quote["suffix"]!);
        Assert.Equal(34, ((string)quote["prefix"]!).Length);
    }

    [Fact]
    public void Prefix_is_left_out_at_the_start_of_the_text_and_suffix_at_its_end()
    {
        // Given the first note, on the essay's first words, and the last, on its last words
        var first = Selector(Items[0]!, "TextQuoteSelector");
        var last = Selector(Items[^1]!, "TextQuoteSelector");

        // When their context is read
        // Then nothing stands before the first quote and nothing after the last
        Assert.Equal("The world 🌍 is", (string)first["exact"]!);
        Assert.Null(first["prefix"]);
        Assert.Equal(" learning to share its machines,", (string)first["suffix"]!);
        Assert.Equal("that is all.", (string)last["exact"]!);
        Assert.Equal("ivalry 🤝, the essay argues, and ", (string)last["prefix"]!);
        Assert.Null(last["suffix"]);
    }

    [Theory]
    [InlineData(NoteKind.Context, "commenting", "context")]
    [InlineData(NoteKind.Source, "commenting", "source")]
    [InlineData(NoteKind.FactCheck, "assessing", "fact-check")]
    [InlineData(NoteKind.Counterpoint, "questioning", "counterpoint")]
    [InlineData(NoteKind.Translation, "commenting", "translation")]
    [InlineData(NoteKind.Author, "commenting", "author")]
    internal void Kind_maps_to_a_w3c_motivation_and_travels_as_a_tag_after_the_note_text(NoteKind kind, string motivation, string tag)
    {
        // Given a note of that kind (several kinds share a motivation)
        var note = ExportFixture.Anchor(1, "AI as a Platform of Mutualism", ExportFixture.NewNote("n", kind));

        // When it is exported
        var item = ExportOne(note);

        // Then the annotation's motivation and its text body's purpose are the mapped motivation, and the second body
        // is a tag naming the kind as a note file writes it
        Assert.Equal(motivation, (string)item["motivation"]!);
        Assert.Equal(motivation, (string)item["body"]![0]!["purpose"]!);
        AssertJson($$"""{"type":"TextualBody","purpose":"tagging","value":"{{tag}}"}""", item["body"]![1]);
    }

    [Fact]
    public void Created_and_updated_days_are_written_as_midnight_utc_date_times()
    {
        // Given the fact-check created on 2026-11-27 and updated on 2026-12-03, and the counterpoint never updated
        var factCheck = Items.Single(i => (string)i!["id"]! == "https://example.org/essay/#note-wto-statement")!;
        var counterpoint = Items.Single(i => (string)i!["id"]! == "https://example.org/essay/#note-cooperation-cost")!;

        // When their dates are read
        // Then created and modified are xsd:dateTime values at midnight UTC, and no update means no modified
        Assert.Equal("2026-11-27T00:00:00Z", (string)factCheck["created"]!);
        Assert.Equal("2026-12-03T00:00:00Z", (string)factCheck["modified"]!);
        Assert.Equal("2026-11-27T00:00:00Z", (string)counterpoint["created"]!);
        Assert.Null(counterpoint["modified"]);
    }

    [Fact]
    public void Body_language_is_written_only_for_a_note_that_sets_its_own()
    {
        // Given notes that set no language and a translation note written in Marathi ("mr")
        // When the text bodies' languages are read
        var languages = Items.ToDictionary(i => (string)i!["id"]!, i => (string?)TextBody(i!)["language"]);

        // Then the translation keeps its own and no other body claims one
        Assert.Equal("mr", languages["https://example.org/essay/#note-marathi-question"]);
        Assert.All(languages.Where(l => !l.Key.EndsWith("marathi-question", StringComparison.Ordinal)), l => Assert.Null(l.Value));
    }

    [Fact]
    public void Essay_version_is_written_on_the_target_under_the_declared_marginalia_prefix()
    {
        // Given a note checked against essay version "0123456789ab" and one with no version
        var versioned = ExportFixture.Anchor(1, "AI as a Platform of Mutualism", ExportFixture.NewNote("v", NoteKind.Context) with { EssayVersion = "0123456789ab" });
        var unversioned = ExportFixture.Anchor(2, "The world", ExportFixture.NewNote("u", NoteKind.Context));

        // When both are exported
        var collection = JsonNode.Parse(AnnotationExporter.Export(ExportFixture.Essay, [versioned, unversioned], ExportFixture.Settings))!;
        var items = collection["first"]!["items"]!;

        // Then the versioned target carries marginalia:essayVersion, the other none, and every @context declares the prefix
        Assert.Equal("0123456789ab", (string)items[0]!["target"]!["marginalia:essayVersion"]!);
        Assert.Null(items[1]!["target"]!["marginalia:essayVersion"]);
        var context = """["http://www.w3.org/ns/anno.jsonld",{"marginalia":"https://marginalia.netlify.app/ns#"}]""";
        AssertJson(context, collection["@context"]);
        AssertJson(context, items[0]!["@context"]);
    }

    [Fact]
    public void Ids_and_addresses_are_absolute_urls_under_the_base_url()
    {
        // Given the site published at https://example.org/essay/
        var collection = JsonNode.Parse(ExportFixture.Export())!;
        var item = Items[1]!;

        // When the ids and addresses are read
        // Then the collection is annotations.jsonld, its page a fragment of it, an annotation the note's permalink in
        // the reader, and the target essay.txt shown in the reader page (the folder's URL, not index.html)
        Assert.Equal("https://example.org/essay/annotations.jsonld", (string)collection["id"]!);
        Assert.Equal("https://example.org/essay/annotations.jsonld#page1", (string)collection["first"]!["id"]!);
        Assert.Equal("https://example.org/essay/annotations.jsonld#page1", (string)collection["last"]!);
        Assert.Equal("https://example.org/essay/annotations.jsonld", (string)collection["first"]!["partOf"]!["id"]!);
        Assert.Equal("https://example.org/essay/#note-bhashini-languages", (string)item["id"]!);
        Assert.Equal("https://example.org/essay/essay.txt", (string)item["target"]!["source"]!);
        Assert.Equal("https://example.org/essay/", (string)item["target"]!["scope"]!);
    }

    [Fact]
    public void Paths_other_than_the_defaults_resolve_against_the_base_url_and_an_index_page_by_its_folder()
    {
        // Given a site that publishes the reader as read/index.html and the text and export under data/
        var settings = ExportFixture.Settings with
        {
            BaseUrl = new Uri("https://notes.example.net/"),
            ReaderPath = "read/index.html",
            EssayTextPath = "data/essay.txt",
            ExportPath = "data/annotations.jsonld",
        };

        // When a note is exported
        var collection = JsonNode.Parse(AnnotationExporter.Export(ExportFixture.Essay, [ExportFixture.Notes[0]], settings))!;
        var item = collection["first"]!["items"]![0]!;

        // Then every address follows the paths
        Assert.Equal("https://notes.example.net/data/annotations.jsonld", (string)collection["id"]!);
        Assert.Equal("https://notes.example.net/read/#note-opening-world", (string)item["id"]!);
        Assert.Equal("https://notes.example.net/data/essay.txt", (string)item["target"]!["source"]!);
        Assert.Equal("https://notes.example.net/read/", (string)item["target"]!["scope"]!);
    }

    [Fact]
    public void Same_notes_give_the_same_bytes_whatever_the_order_of_the_list()
    {
        // Given the notes in reading order and in reverse order
        var reversed = ExportFixture.Notes.Reverse().ToList();

        // When they are exported twice and once reversed
        var first = Encoding.UTF8.GetBytes(ExportFixture.Export());
        var second = Encoding.UTF8.GetBytes(ExportFixture.Export());
        var fromReversed = Encoding.UTF8.GetBytes(AnnotationExporter.Export(ExportFixture.Essay, reversed, ExportFixture.Settings));

        // Then the three are byte-identical, in number order, with LF line ends and a final newline
        Assert.Equal(first, second);
        Assert.Equal(first, fromReversed);
        Assert.Equal(
            ["opening-world", "bhashini-languages", "marathi-question", "wto-statement", "cooperation-cost", "fn-1"],
            Items.Select(i => ((string)i!["id"]!).Split("#note-")[1]));
        Assert.DoesNotContain((byte)'\r', first);
        Assert.Equal((byte)'\n', first[^1]);
    }

    [Fact]
    public void Typographic_characters_and_note_markup_are_written_as_they_are()
    {
        // Given a note body with a typographic apostrophe, a link and an entity
        // When the export is read as text
        var text = ExportFixture.Export();

        // Then they are not turned into \u escapes (the file is JSON-LD, never inlined into a page)
        Assert.Contains("\"value\": \"<p>Bhashini’s site lists 22 scheduled languages &amp; <a href=\\\"https://bhashini.gov.in/\\\">its datasets</a>.</p>\"", text, StringComparison.Ordinal);
        Assert.Contains("\"label\": \"Notes on “AI as a Platform of Mutualism”\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Contributor_is_a_person_known_by_github_handle_and_the_author_by_name()
    {
        // Given a note by the contributor "octocat" and the essay author's own footnote
        var contributor = Items[0]!["creator"]!;
        var author = Items[^1]!["creator"]!;

        // When the creators are read
        // Then the contributor has a nickname and a GitHub homepage, the author the essay author's name
        AssertJson("""{"type":"Person","nickname":"octocat","homepage":"https://github.com/octocat"}""", contributor);
        AssertJson("""{"type":"Person","name":"Partha Roy"}""", author);
    }

    [Fact]
    public void Author_footnote_without_an_essay_author_is_credited_to_the_notes_author_field()
    {
        // Given settings that do not name the essay's author
        var settings = ExportFixture.Settings with { EssayAuthor = null };

        // When the author's footnote (author field "partha-roy") is exported
        var collection = JsonNode.Parse(AnnotationExporter.Export(ExportFixture.Essay, [ExportFixture.Notes[^1]], settings))!;

        // Then the creator is named by that field
        AssertJson("""{"type":"Person","name":"partha-roy"}""", collection["first"]!["items"]![0]!["creator"]!);
    }

    [Fact]
    public void Sources_follow_the_note_text_as_linking_bodies()
    {
        // Given the opening note, which cites two sources
        var body = (JsonArray)Items[0]!["body"]!;

        // When its bodies are read
        // Then the text comes first, then the kind's tag, then each source as a Specific Resource linking to the page, titled
        Assert.Equal(4, body.Count);
        Assert.Equal("TextualBody", (string)body[0]!["type"]!);
        Assert.Equal("tagging", (string)body[1]!["purpose"]!);
        AssertJson(
            """{"type":"SpecificResource","purpose":"linking","source":{"id":"https://population.un.org/wpp/","label":"World Population Prospects 2024"}}""",
            body[2]!);
        Assert.Equal("https://aiindex.stanford.edu/report/", (string)body[3]!["source"]!["id"]!);
    }

    [Fact]
    public void Note_without_sources_has_its_html_and_its_kind_as_the_bodies()
    {
        // Given the counterpoint, which cites nothing and sets no language
        var item = Items.Single(i => (string)i!["id"]! == "https://example.org/essay/#note-cooperation-cost")!;

        // When its body is read
        // Then it is the text body holding the note's sanitised HTML, with no language, and the kind's tag
        AssertJson(
            """[{"type":"TextualBody","purpose":"questioning","format":"text/html","value":"<p>A counterpoint note.</p>"},{"type":"TextualBody","purpose":"tagging","value":"counterpoint"}]""",
            item["body"]!);
    }

    [Theory]
    [InlineData("https://example.org/essay")]
    [InlineData("https://example.org/essay/?v=2")]
    [InlineData("ftp://example.org/essay/")]
    public void Base_url_that_is_not_an_http_folder_url_is_refused(string baseUrl)
    {
        // Given settings with that base URL
        var settings = ExportFixture.Settings with { BaseUrl = new Uri(baseUrl) };

        // When the notes are exported
        var error = Record.Exception(() => AnnotationExporter.Export(ExportFixture.Essay, ExportFixture.Notes, settings));

        // Then the export is refused, quoting the URL
        Assert.IsType<ArgumentException>(error);
        Assert.Contains(baseUrl, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_notes_with_one_id_are_refused()
    {
        // Given two notes both called "wto-statement"
        var twice = ExportFixture.Notes.Append(ExportFixture.Notes[3] with { Number = 7 }).ToList();

        // When they are exported
        var error = Record.Exception(() => AnnotationExporter.Export(ExportFixture.Essay, twice, ExportFixture.Settings));

        // Then the export is refused, naming the id
        Assert.IsType<ArgumentException>(error);
        Assert.Contains("'wto-statement'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(11, 20)] // starts between the halves of 🌍 (UTF-16 10–11)
    [InlineData(0, 11)] // ends between them
    [InlineData(5, 5)] // empty
    [InlineData(0, 10_000)] // past the end of the text
    public void Span_that_is_not_whole_code_points_of_the_text_is_refused(int start, int end)
    {
        // Given a note anchored at that span
        var note = ExportFixture.Notes[0] with { Start = start, End = end };

        // When it is exported
        var error = Record.Exception(() => AnnotationExporter.Export(ExportFixture.Essay, [note], ExportFixture.Settings));

        // Then the export is refused, naming the note and the span
        Assert.IsType<ArgumentException>(error);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"'opening-world' spans [{start}, {end})"), error.Message, StringComparison.Ordinal);
    }

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\nactual   {actual?.ToJsonString()}");

    private static JsonNode ExportOne(AnchoredNote note) =>
        JsonNode.Parse(AnnotationExporter.Export(ExportFixture.Essay, [note], ExportFixture.Settings))!["first"]!["items"]![0]!;

    private static JsonNode Selector(JsonNode item, string type) =>
        ((JsonArray)item["target"]!["selector"]!).Single(s => (string)s!["type"]! == type)!;

    private static JsonNode TextBody(JsonNode item) =>
        ((JsonArray)item["body"]!).First(b => (string)b!["type"]! == "TextualBody" && (string?)b["purpose"] != "tagging")!;
}

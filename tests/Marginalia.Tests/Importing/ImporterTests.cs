using System.Text.Json.Nodes;
using Marginalia.Annotations;
using Marginalia.Diagnostics;
using Marginalia.Importing;
using Marginalia.Scaffolding;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Importing;

/// <summary>What each annotation becomes: kind, place, id, author, dates, sources, and the reasons for what is not written.</summary>
public sealed class ImporterTests : IDisposable
{
    private const string EssayTxt = "https://marginalia.netlify.app/essay.txt";
    private readonly TempSite _site = TempSite.CopyOfRepository();
    private int _files;

    public void Dispose() => _site.Dispose();

    [Theory]
    [InlineData("commenting", "translation", "translation")]
    [InlineData("commenting", null, "context")]
    [InlineData("describing", null, "context")]
    [InlineData("highlighting", null, "counterpoint")]
    public void A_tag_naming_a_kind_wins_then_the_motivation_then_the_default_kind(string motivation, string? tag, string kind)
    {
        // Given an annotation with that motivation and tag, imported with --kind counterpoint as the default
        var annotation = Annotation(motivation, "Some context.", tags: tag is null ? [] : [tag]);

        // When it is imported
        var report = Import([annotation], new ImportRequest(Input, []) { DefaultKind = NoteKind.Counterpoint });

        // Then the note has the kind the table gives
        Assert.Contains($"\nkind: {kind}\n", Assert.Single(report.Files).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Assessing_with_a_source_is_a_fact_check_and_its_linking_body_a_source()
    {
        // Given an assessing annotation that links one page, titled
        var annotation = Annotation("assessing", "The claim holds.", links: [("https://www.imf.org/en/Blogs/Articles/2024/01/14/ai-will-transform-the-global-economy-lets-make-sure-it-benefits-humanity", "AI Will Transform the Global Economy")]);

        // When it is imported
        var text = Assert.Single(Import([annotation]).Files).Text;

        // Then it is a fact-check citing that page by its title
        Assert.Contains("\nkind: fact-check\n", text, StringComparison.Ordinal);
        Assert.Contains("sources:\n  - title: \"AI Will Transform the Global Economy\"\n    url: \"https://www.imf.org/en/Blogs/Articles/2024/01/14/ai-will-transform-the-global-economy-lets-make-sure-it-benefits-humanity\"\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Questioning_becomes_a_discussion_question_whose_first_paragraph_is_the_question()
    {
        // Given a questioning annotation: a question, then a hint
        var annotation = Annotation("questioning", "<p>Who decides what counts as <em>open</em>?</p><p>Compare the OECD principles.</p>", format: "text/html");

        // When it is imported
        var file = Assert.Single(Import([annotation]).Files);

        // Then it is a question file under questions/, asking the first paragraph, with the rest as its hints
        Assert.EndsWith(Path.Combine("questions", "who-decides-what-counts-as.md"), file.DisplayPath, StringComparison.Ordinal);
        Assert.StartsWith("---\nquestion: \"Who decides what counts as open?\"\nquote: \"remarkably cooperative\"\n", file.Text, StringComparison.Ordinal);
        Assert.EndsWith("---\nCompare the OECD principles.\n", file.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("kind:", file.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_imported_again_goes_to_the_file_it_went_to_before()
    {
        // Given a questioning annotation imported once
        var annotation = Annotation("questioning", "Who decides what counts as open?");
        var first = Assert.Single(Import([annotation]).Files);

        // When it is imported again
        var again = Import([annotation]);

        // Then nothing is written and the question's file is named as holding it already
        Assert.Empty(again.Files);
        var skipped = Assert.Single(again.Diagnostics, d => d.Code == DiagnosticCodes.ImportSkipped);
        Assert.EndsWith($"{first.DisplayPath} holds this note already, unchanged", skipped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_quote_is_placed_by_its_position_over_essay_txt()
    {
        // Given "WTO", which the essay has twice, with a position selector at the second and no prefix or suffix
        var second = CodePointOffset("WTO", occurrence: 2);
        var annotation = Annotation("commenting", "On the WTO.", exact: "WTO", start: second, end: second + 3);

        // When it is imported
        var text = Assert.Single(Import([annotation]).Files).Text;

        // Then the note is at the second, picked out by the shortest suffix, as `new` writes it
        Assert.StartsWith("---\nquote: \"WTO\"\nsuffix: \"or\"\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1_000_000, 1_000_003)]
    [InlineData(-5, 3)]
    [InlineData(40, 20)]
    public void A_position_past_the_end_or_backwards_is_ignored_and_the_quote_places_the_note(int start, int end)
    {
        // Given a quote the essay has once, with a position selector over essay.txt that names no span of it
        var annotation = Annotation("commenting", "Text.", exact: "remarkably cooperative", start: start, end: end);

        // When it is imported
        var report = Import([annotation]);

        // Then the note is written on the quote's one place
        Assert.StartsWith("---\nquote: \"remarkably cooperative\"\nkind: context\n", Assert.Single(report.Files).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ossified structures like ", null, "suffix: \"or\"")]
    [InlineData("previous global structures — ", null, "prefix: \"—\"")]
    [InlineData(null, " or IMF — gives", "suffix: \"or\"")]
    public void Hypothesis_positions_count_over_the_page_so_its_prefix_and_suffix_decide(string? prefix, string? suffix, string selector)
    {
        // Given a Hypothesis row quoting "WTO" with a page position that points at neither occurrence
        var row = HypothesisRow("WTO", prefix, suffix, start: 5, end: 8);

        // When it is imported
        var text = Assert.Single(Import([row], new ImportRequest(Input, []) { Author = "ada-l" }, hypothesis: true).Files).Text;

        // Then the place is the one whose surroundings the prefix or suffix match
        Assert.Contains("\n" + selector + "\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_not_in_the_essay_is_reported_at_its_pointer_with_the_closest_passage()
    {
        // Given an annotation quoting words the essay does not have
        var annotation = Annotation("commenting", "Text.", exact: "a borderless world of free markets");

        // When it is imported
        var report = Import([annotation]);

        // Then nothing is written, and the orphan is an error at the annotation, naming the closest passage
        Assert.Empty(report.Files);
        var orphan = Assert.Single(report.Diagnostics, d => d.Code == DiagnosticCodes.ImportOrphan);
        Assert.Equal("/0: the quote \"a borderless world of free markets\" is not in the essay", orphan.Message);
        Assert.Equal("the closest passage is in ¶ p-the-early-promise-of: \"a borderless world, but a\"", orphan.Hint);
        Assert.Equal((2, 3), (orphan.Location.Line, orphan.Location.Column));
        Assert.Equal(1, report.Orphaned);
    }

    [Fact]
    public void Our_export_keeps_its_note_id_and_others_get_a_slug_of_the_quote_made_unique()
    {
        // Given an annotation of ours (…#note-open-cooperation), and two of another tool on the same passage
        var ours = Annotation("commenting", "Ours.", id: "https://marginalia.netlify.app/#note-open-cooperation");
        var first = Annotation("commenting", "First.", creator: "ada-l");
        var second = Annotation("commenting", "Second.", creator: "grace");

        // When they are imported
        var paths = Import([ours, first, second]).Files.Select(f => Path.GetFileName(f.DisplayPath)).ToList();

        // Then ours keeps its id; the others are named by the quote's words, the second made unique
        Assert.Equal(["open-cooperation.md", "remarkably-cooperative.md", "remarkably-cooperative-2.md"], paths);
    }

    [Fact]
    public void Importing_again_writes_nothing_and_update_replaces_the_same_note()
    {
        // Given a note imported once
        var annotation = Annotation("commenting", "Once.");
        var first = Assert.Single(Import([annotation]).Files);

        // When the same annotation is imported again, then again with a changed text, then that with --update
        var again = Import([annotation]);
        var changed = Annotation("commenting", "Twice.");
        var refused = Import([changed]);
        var updated = Import([changed], new ImportRequest(Input, []) { Update = true });

        // Then the second import skips it as unchanged, the third warns and leaves the file, the fourth replaces it
        Assert.Empty(again.Files);
        Assert.Contains(again.Diagnostics, d => d.Code == DiagnosticCodes.ImportSkipped && d.Message.EndsWith("holds this note already, unchanged", StringComparison.Ordinal));
        Assert.Empty(refused.Files);
        Assert.Contains(refused.Diagnostics, d => d.Code == DiagnosticCodes.ImportFileExists);
        Assert.Equal(ImportStatus.Updated, Assert.Single(updated.Files).Status);
        Assert.Equal(first.FullPath, updated.Files[0].FullPath);
        Assert.EndsWith("---\nTwice.\n", File.ReadAllText(first.FullPath), StringComparison.Ordinal);
    }

    [Fact]
    public void Hypothesis_user_dates_and_tags_map_to_author_created_and_kind()
    {
        // Given a Hypothesis row by acct:grace@hypothes.is, created and updated on the same day, tagged "Source"
        var row = HypothesisRow("remarkably cooperative", null, null, tags: ["economics", "Source"], text: "A source.\n\nSources:\n\n- [OECD AI Principles](https://oecd.ai/en/ai-principles)");

        // When it is imported
        var text = Assert.Single(Import([row], hypothesis: true).Files).Text;

        // Then the author is the user's name, the day is created's, no updated, the kind the tag, the list a source
        Assert.Equal(
            "---\nquote: \"remarkably cooperative\"\nkind: source\nauthor: \"grace\"\ncreated: 2026-10-02\nsources:\n  - title: \"OECD AI Principles\"\n    url: \"https://oecd.ai/en/ai-principles\"\n---\nA source.\n",
            text);
    }

    [Fact]
    public void Essay_version_and_language_are_written_only_where_the_annotation_gives_them()
    {
        // Given one annotation on essay.txt with a version and a language, one on another page with both
        var ours = Annotation("commenting", "Ours.", version: "0123456789ab", language: "en");
        var theirs = Annotation("commenting", "Theirs.", creator: "grace", source: "https://moderndiplomacy.eu/2025/ai-essay/", version: "0123456789ab");
        var bare = Annotation("commenting", "Bare.", creator: "ada-l");

        // When they are imported
        var texts = Import([ours, theirs, bare]).Files.Select(f => f.Text).ToList();

        // Then only the first writes essay-version; only it writes lang
        Assert.Contains("\nlang: \"en\"\nessay-version: \"0123456789ab\"\n", texts[0], StringComparison.Ordinal);
        Assert.DoesNotContain("essay-version", texts[1], StringComparison.Ordinal);
        Assert.DoesNotContain("lang:", texts[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Script_in_an_html_body_never_reaches_the_note_file()
    {
        // Given an HTML body with a script, an event handler and javascript: and data: links
        var annotation = Annotation("commenting",
            "<p>Safe <b>text</b><script>alert(1)</script><img src=x onerror=alert(2)> <a href=\"javascript:alert(3)\">click</a> <a href=\"data:text/html,<script>alert(4)</script>\">data</a> <a href=\"https://oecd.ai/\">OECD</a></p>",
            format: "text/html");

        // When it is imported
        var text = Assert.Single(Import([annotation]).Files).Text;

        // Then the body keeps the text and the https link, and nothing that could run
        Assert.EndsWith("---\nSafe **text** click data [OECD](https://oecd.ai/)\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_markdown_body_that_fails_a_check_is_reported_and_not_written()
    {
        // Given a Hypothesis row whose Markdown holds raw HTML and a javascript: link
        var row = HypothesisRow("remarkably cooperative", null, null, text: "<b>bold</b> and [x](javascript:alert(1))");

        // When it is imported
        var report = Import([row], hypothesis: true);

        // Then no file is written and each failed check is an error at the row
        Assert.Empty(report.Files);
        var errors = report.Diagnostics.Where(d => d.Code == DiagnosticCodes.ImportInvalidNote).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.StartsWith("/rows/0: the note it makes (", e.Message, StringComparison.Ordinal));
        Assert.Equal(2, report.Rejected);
    }

    [Fact]
    public void Replies_page_notes_and_moderated_rows_are_listed_as_skipped_with_the_reason()
    {
        // Given a reply, a page note, a hidden row and a flagged row
        var reply = HypothesisRow("remarkably cooperative", null, null, extra: o => o["references"] = new JsonArray("abc"));
        var page = HypothesisRow("remarkably cooperative", null, null, extra: o => o["target"] = new JsonArray(new JsonObject { ["source"] = "https://moderndiplomacy.eu/" }));
        var hidden = HypothesisRow("remarkably cooperative", null, null, extra: o => o["hidden"] = true);
        var flagged = HypothesisRow("remarkably cooperative", null, null, extra: o => o["flagged"] = true);

        // When they are imported
        var report = Import([reply, page, hidden, flagged], hypothesis: true);

        // Then none is written, and each is an info line giving its reason
        Assert.Empty(report.Files);
        Assert.Equal(
            ["/rows/0: skipped, a reply to another annotation: replies are discussion, not notes on the essay", "/rows/1: skipped, a page note: it quotes no passage to place it on",
             "/rows/2: skipped, hidden by a moderator", "/rows/3: skipped, flagged for moderation"],
            report.Diagnostics.Where(d => d.Code == DiagnosticCodes.ImportSkipped).Select(d => d.Message));
        Assert.Equal(4, report.Skipped);
    }

    [Fact]
    public void A_folder_named_as_an_import_file_is_an_error_saying_so()
    {
        // Given the annotations folder named where a file belongs
        var folder = _site.PathOf("input/annotations");

        // When it is imported
        var report = Importer.Run(new ImportRequest(Input, [folder]));

        // Then the report says it is a folder, at the path, and nothing is read
        var error = Assert.Single(report.Diagnostics);
        Assert.Equal((DiagnosticCodes.FileUnreadable, folder, "this is a folder, not a file"), (error.Code, error.Location.Path, error.Message));
        Assert.Equal(0, report.Annotations);
    }

    [Fact]
    public void The_hypothesis_clients_export_imports_its_note_and_skips_its_reply()
    {
        // Given the Hypothesis client's export of one counterpoint and a reply to it
        var path = Path.Combine(RepoPaths.Root, "tests", "Marginalia.Tests", "Fixtures", "Import", "hypothesis-client-export.json");

        // When it is imported
        var report = Importer.Run(new ImportRequest(Input, [path]));

        // Then the note is written with its tag's kind and its later day as updated, and the reply is skipped
        Assert.Equal(
            "---\nquote: \"the AI ecosystem is new, open, and remarkably cooperative\"\nkind: counterpoint\nauthor: \"grace\"\ncreated: 2026-11-28\nupdated: 2026-11-30\n---\n" +
            "The essay says this without a source; the OECD's AI principles are one shared framework.\n",
            Assert.Single(report.Files).Text);
        Assert.Equal((1, 0, 0), (report.Skipped, report.Orphaned, report.Rejected));
    }

    private string Input => _site.PathOf("input");

    private ImportReport Import(IEnumerable<JsonObject> annotations, ImportRequest? request = null, bool hypothesis = false)
    {
        var copies = annotations.Select(a => a.DeepClone()).ToArray(); // a node belongs to one document
        var json = hypothesis
            ? new JsonObject { ["total"] = copies.Length, ["rows"] = new JsonArray(copies) }
            : (JsonNode)new JsonArray(copies);
        var path = _site.PathOf($"import-{++_files}.json");
        File.WriteAllText(path, json.ToJsonString(new() { WriteIndented = true }));
        return Importer.Run((request ?? new ImportRequest(Input, [])) with { Files = [path] });
    }

    private static JsonObject Annotation(
        string motivation, string body, string format = "text/plain", string exact = "remarkably cooperative", int? start = null, int? end = null,
        string[]? tags = null, (string Url, string Title)[]? links = null, string? id = null, string creator = "octocat", string source = EssayTxt,
        string? version = null, string? language = null)
    {
        var text = new JsonObject { ["type"] = "TextualBody", ["purpose"] = motivation, ["format"] = format, ["value"] = body };
        if (language is not null)
        {
            text["language"] = language;
        }

        var bodies = new JsonArray(text);
        foreach (var tag in tags ?? [])
        {
            bodies.Add(new JsonObject { ["type"] = "TextualBody", ["purpose"] = "tagging", ["value"] = tag });
        }

        foreach (var (url, title) in links ?? [])
        {
            bodies.Add(new JsonObject { ["type"] = "SpecificResource", ["purpose"] = "linking", ["source"] = new JsonObject { ["id"] = url, ["label"] = title } });
        }

        var selectors = new JsonArray(new JsonObject { ["type"] = "TextQuoteSelector", ["exact"] = exact });
        if (start is not null)
        {
            selectors.Add(new JsonObject { ["type"] = "TextPositionSelector", ["start"] = start, ["end"] = end });
        }

        var target = new JsonObject { ["type"] = "SpecificResource", ["source"] = source, ["selector"] = selectors };
        if (version is not null)
        {
            target["marginalia:essayVersion"] = version;
        }

        return new JsonObject
        {
            ["@context"] = "http://www.w3.org/ns/anno.jsonld",
            ["id"] = id ?? "urn:uuid:" + Guid.NewGuid(),
            ["type"] = "Annotation",
            ["motivation"] = motivation,
            ["creator"] = new JsonObject { ["type"] = "Person", ["nickname"] = creator },
            ["created"] = "2026-11-20T10:00:00Z",
            ["body"] = bodies,
            ["target"] = target,
        };
    }

    private static JsonObject HypothesisRow(string exact, string? prefix, string? suffix, int start = 0, int end = 0, string[]? tags = null,
        string text = "A note.", Action<JsonObject>? extra = null)
    {
        var quote = new JsonObject { ["type"] = "TextQuoteSelector", ["exact"] = exact };
        if (prefix is not null)
        {
            quote["prefix"] = prefix;
        }

        if (suffix is not null)
        {
            quote["suffix"] = suffix;
        }

        var selectors = new JsonArray(quote, new JsonObject { ["type"] = "TextPositionSelector", ["start"] = start, ["end"] = end == 0 ? exact.Length : end });
        var row = new JsonObject
        {
            ["id"] = "Ds9HfeJVEe6-" + Guid.NewGuid().ToString("N")[..8],
            ["created"] = "2026-10-02T09:15:00.000000+00:00",
            ["updated"] = "2026-10-02T17:40:00.000000+00:00",
            ["user"] = "acct:grace@hypothes.is",
            ["uri"] = "https://moderndiplomacy.eu/2025/ai-essay/",
            ["text"] = text,
            ["tags"] = new JsonArray([.. (tags ?? []).Select(t => (JsonNode)t)]),
            ["target"] = new JsonArray(new JsonObject { ["source"] = "https://moderndiplomacy.eu/2025/ai-essay/", ["selector"] = selectors }),
            ["references"] = new JsonArray(),
            ["hidden"] = false,
            ["flagged"] = false,
        };
        extra?.Invoke(row);
        return row;
    }

    // Where the n-th occurrence starts in essay.txt, in code points (what a TextPositionSelector counts).
    private int CodePointOffset(string quote, int occurrence)
    {
        var index = EssayText.Load(Path.Combine(Input, "essay.md"), "essay.md", new DiagnosticBag())!;
        var at = -1;
        for (var i = 0; i < occurrence; i++)
        {
            at = index.Text.IndexOf(quote, at + 1, StringComparison.Ordinal);
        }

        return new Marginalia.Annotations.Export.CodePointIndex(index.Text).ToCodePoints(at);
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using Marginalia.Cli;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Cli;

/// <summary>
/// <c>marginalia import</c> as a user runs it: what it prints (text, JSON, GitHub workflow commands), what it writes
/// and refuses to overwrite, its exit codes, and hostile import files. Each test imports into a copy of input/.
/// </summary>
public partial class ImportCommandTests
{
    private static async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await new CliApp(CliConsoles.ToWriters(output, error)).RunAsync(args);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs <c>import FILE… --input &lt;copy&gt;</c>; text output unless the test names a format (GitHub Actions would default to github).</summary>
    private static Task<(int Exit, string Out, string Error)> Import(TempSite site, params string[] args) =>
        Run(["import", .. args, "--input", site.PathOf("input"), .. args.Contains("--format") ? Array.Empty<string>() : ["--format", "text"]]);

    /// <summary>A copy of the repository's site with a committed import fixture at import/NAME; returns its path.</summary>
    private static string AddFixture(TempSite site, string name)
    {
        site.WriteBytes("import/" + name, File.ReadAllBytes(RepoPaths.Fixture("Import", name)));
        return site.PathOf("import/" + name);
    }

    private static string Note(TempSite site, string id) => site.PathOf($"input/annotations/{id}.md");

    /// <summary>Every file under input/ with its bytes, to show a run left the folder exactly as it was.</summary>
    private static SortedDictionary<string, byte[]> InputFiles(TempSite site)
    {
        var root = site.PathOf("input");
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            files[Path.GetRelativePath(root, file).Replace('\\', '/')] = File.ReadAllBytes(file);
        }

        return files;
    }

    private static string[] Lines(string text) => text.TrimEnd('\n').Split('\n');

    // A W3C annotation on essay.txt, as another tool would write it, with the given body and selectors.
    private static string WebAnnotation(string body, string format, params object[] selectors) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["@context"] = "http://www.w3.org/ns/anno.jsonld",
        ["id"] = "https://annotations.example.net/a/test",
        ["type"] = "Annotation",
        ["motivation"] = "commenting",
        ["creator"] = new { type = "Person", nickname = "ada-l" },
        ["created"] = "2026-12-01T10:00:00Z",
        ["body"] = new { type = "TextualBody", format, value = body },
        ["target"] = new { source = "https://marginalia.netlify.app/essay.txt", selector = selectors },
    });

    [Fact]
    public async Task Text_output_names_each_file_written_the_summary_the_next_step_and_each_problem_at_its_place()
    {
        // Given a Hypothesis search of 7 rows: one to write, a reply, a page note, a hidden and a flagged row,
        // an orphan, and a user ('ada_l') that is not a GitHub handle
        using var site = TempSite.CopyOfRepository();
        var file = AddFixture(site, "hypothesis-search.json");

        // When it is imported
        var (exit, output, error) = await Import(site, file);

        // Then the one file written is named with the annotation it came from, then the counts and the next step
        Assert.Equal(1, exit);
        Assert.Equal(
        [
            $"Wrote {Note(site, "trade-agreements")}  from {file} /rows/4",
            "7 annotations read from 1 file: 1 written, 0 updated, 4 skipped, 1 orphaned, 1 rejected.",
            $"Next: read the new notes, then run marginalia check --input {site.PathOf("input")}.",
        ], Lines(output));
        Assert.Contains("author: \"grace\"", site.Read("input/annotations/trade-agreements.md"), StringComparison.Ordinal);

        // And every annotation not written has a line on stderr at its file, line, column and JSON pointer, with hints
        var lines = Lines(error);
        Assert.Contains($"{file}:294:5: error MG0810: /rows/5: the quote \"a borderless world of free markets\" is not in the essay", lines);
        Assert.Equal("    hint: the closest passage is in ¶ p-the-early-promise-of: \"a borderless world, but a\"",
            lines[Array.IndexOf(lines, $"{file}:294:5: error MG0810: /rows/5: the quote \"a borderless world of free markets\" is not in the essay") + 1]);
        Assert.Contains($"{file}:4:5: error MG0812: /rows/0: the author 'ada_l' is not a GitHub handle (letters, digits, single hyphens)", lines);
        Assert.Contains("    hint: give the GitHub handle its notes should carry with --author HANDLE", lines);
        Assert.Contains($"{file}:71:5: info MG0813: /rows/1: skipped, a reply to another annotation: replies are discussion, not notes on the essay", lines);
        Assert.Contains($"{file}:118:5: info MG0813: /rows/2: skipped, a page note: it quotes no passage to place it on", lines);
        Assert.Contains($"{file}:164:5: info MG0813: /rows/3: skipped, hidden by a moderator", lines);
        Assert.Contains($"{file}:346:5: info MG0813: /rows/6: skipped, flagged for moderation", lines);
        Assert.Contains($"{file}:2:12: warning MG0809: only 7 of 9 rows of the search are in this file (JSON pointer /total); the others are not imported", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("Wrote", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Quiet_hides_info_lines_and_the_files_written_but_keeps_problems_and_the_summary()
    {
        using var site = TempSite.CopyOfRepository();
        var file = AddFixture(site, "hypothesis-search.json");

        var (exit, output, error) = await Import(site, file, "--quiet");

        // The file is still written; only the lines about it are gone
        Assert.Equal(1, exit);
        Assert.True(File.Exists(Note(site, "trade-agreements")));
        Assert.Equal(
        [
            "7 annotations read from 1 file: 1 written, 0 updated, 4 skipped, 1 orphaned, 1 rejected.",
            $"Next: read the new notes, then run marginalia check --input {site.PathOf("input")}.",
        ], Lines(output));
        Assert.DoesNotContain(" info MG", error, StringComparison.Ordinal);
        Assert.Contains($"{file}:294:5: error MG0810: ", error, StringComparison.Ordinal);
        Assert.Contains($"{file}:2:12: warning MG0809: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_prints_nothing_at_all_when_everything_is_written()
    {
        using var site = TempSite.CopyOfRepository();
        var file = AddFixture(site, "webanno-single-html-body.jsonld");

        var (exit, output, error) = await Import(site, file, "-q");

        Assert.Equal((0, string.Empty, string.Empty), (exit, output, error));
        Assert.True(File.Exists(Note(site, "a-shared-canvas-for-human")));
    }

    [Fact]
    public async Task Dry_run_writes_nothing_and_prints_each_file_it_would_write_line_by_line()
    {
        // Given a collection of two pages, three of its four annotations writable
        using var site = TempSite.CopyOfRepository();
        var file = AddFixture(site, "webanno-collection-two-pages.jsonld");
        var before = InputFiles(site);

        // When it is imported with --dry-run
        var (exit, output, _) = await Import(site, file, "--dry-run");

        // Then input/ is unchanged, byte for byte
        Assert.Equal(1, exit); // one annotation's author ('Grace Hopper') is not a handle
        Assert.Equal(before, InputFiles(site));

        // And each file is shown with its lines indented, and the summary says nothing was written
        var lines = Lines(output);
        var first = Array.IndexOf(lines, $"Would write {Note(site, "heightened-economic-nationalism")}  from {file} /first/items/0");
        Assert.True(first >= 0, output);
        Assert.Equal(
        [
            "    ---",
            "    quote: \"heightened economic nationalism\"",
            "    kind: context",
            "    author: \"ada-l\"",
            "    created: 2026-11-20",
            "    lang: \"en\"",
            "    essay-version: \"57bf2d8f2f98\"",
            "    ---",
            "    Tariff rounds since 2018 are the usual example.",
            $"Would write {Note(site, "trade-agreements")}  from {file} /first/items/1",
        ], lines[(first + 1)..(first + 11)]);
        Assert.Contains($"Would write {Note(site, "predicting-floods-in-assam")}  from {file} /first/next/items/1", lines);
        Assert.Equal("Dry run, nothing written: 4 annotations read from 1 file: 3 to write, 0 to update, 0 skipped, 0 orphaned, 1 rejected.", lines[^1]);
        Assert.DoesNotContain("Next:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_format_prints_one_object_with_the_files_the_counts_and_the_diagnostics()
    {
        using var site = TempSite.CopyOfRepository();
        var file = AddFixture(site, "webanno-collection-two-pages.jsonld");

        var (exit, output, error) = await Import(site, file, "--format", "json");

        // stdout is one JSON object and nothing else; stderr is empty
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, error);
        Assert.StartsWith("{", output, StringComparison.Ordinal);
        Assert.EndsWith("}", output.TrimEnd(), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["dryRun", "files", "summary", "diagnostics"], root.EnumerateObject().Select(p => p.Name));
        Assert.False(root.GetProperty("dryRun").GetBoolean());

        var files = root.GetProperty("files").EnumerateArray().Select(f =>
            (f.GetProperty("path").GetString(), f.GetProperty("status").GetString(), f.GetProperty("from").GetString())).ToList();
        Assert.Equal(
        [
            (Note(site, "heightened-economic-nationalism"), "written", $"{file} /first/items/0"),
            (Note(site, "trade-agreements"), "written", $"{file} /first/items/1"),
            (Note(site, "predicting-floods-in-assam"), "written", $"{file} /first/next/items/1"),
        ], files);

        var summary = root.GetProperty("summary");
        Assert.Equal((4, 3, 0, 0, 0, 1), (summary.GetProperty("annotations").GetInt32(), summary.GetProperty("written").GetInt32(),
            summary.GetProperty("updated").GetInt32(), summary.GetProperty("skipped").GetInt32(), summary.GetProperty("orphaned").GetInt32(),
            summary.GetProperty("rejected").GetInt32()));

        var diagnostic = Assert.Single(root.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(file, diagnostic.GetProperty("path").GetString());
        Assert.Equal((104, 9), (diagnostic.GetProperty("line").GetInt32(), diagnostic.GetProperty("column").GetInt32()));
        Assert.Equal(("error", "MG0812"), (diagnostic.GetProperty("severity").GetString(), diagnostic.GetProperty("code").GetString()));
        Assert.Equal("/first/next/items/0: the author 'Grace Hopper' is not a GitHub handle (letters, digits, single hyphens)", diagnostic.GetProperty("message").GetString());
        Assert.Equal("give the GitHub handle its notes should carry with --author HANDLE", diagnostic.GetProperty("hint").GetString());
    }

    [Fact]
    public async Task Json_format_of_a_dry_run_says_so_and_writes_nothing()
    {
        using var site = TempSite.CopyOfRepository();
        var file = AddFixture(site, "webanno-single-html-body.jsonld");
        var before = InputFiles(site);

        var (exit, output, _) = await Import(site, file, "--format", "json", "--dry-run");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("dryRun").GetBoolean());
        Assert.Equal(Note(site, "a-shared-canvas-for-human"), json.RootElement.GetProperty("files")[0].GetProperty("path").GetString());
        Assert.Equal(before, InputFiles(site));
    }

    [Fact]
    public async Task Github_format_prints_workflow_commands_with_notices_for_skipped_annotations()
    {
        using var site = TempSite.CopyOfRepository();
        var file = AddFixture(site, "hypothesis-search.json");

        var (exit, output, error) = await Import(site, file, "--format", "github");

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, error);
        var commands = Lines(output).Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToList();
        Assert.All(commands, c => Assert.Matches(WorkflowCommand(), c));
        Assert.Contains($"::error file={file},line=294,col=5,title=MG0810::/rows/5: the quote \"a borderless world of free markets\" is not in the essay" +
            "%0Ahint: the closest passage is in ¶ p-the-early-promise-of: \"a borderless world, but a\"", commands);
        Assert.Contains($"::warning file={file},line=2,col=12,title=MG0809::only 7 of 9 rows of the search are in this file (JSON pointer /total); the others are not imported" +
            "%0Ahint: the Hypothesis API returns at most 200 rows a request: save every page of the search (search_after) and import each", commands);
        Assert.Contains($"::notice file={file},line=71,col=5,title=MG0813::/rows/1: skipped, a reply to another annotation: replies are discussion, not notes on the essay", commands);
        Assert.Contains($"::notice file={file},line=4,col=5,title=MG0815::/rows/0: RangeSelector ignored; the quote places the note", commands);
        Assert.Equal(9, commands.Count); // 2 errors, 1 warning, 4 skipped, and the RangeSelectors of the 2 rows placed
    }

    [Fact]
    public async Task A_file_that_does_not_exist_exits_1_with_MG0102()
    {
        using var site = TempSite.CopyOfRepository();
        var missing = site.PathOf("import/missing.json");

        var (exit, output, error) = await Import(site, missing);

        Assert.Equal(1, exit);
        Assert.Equal($"{missing}:1:1: error MG0102: the file does not exist\n", error);
        Assert.Equal("0 annotations read from 1 file: 0 written, 0 updated, 0 skipped, 0 orphaned, 0 rejected.\n", output);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF \n\t\r\n")]
    public async Task An_empty_file_exits_1_with_MG0802_in_plain_words(string content)
    {
        using var site = TempSite.CopyOfRepository();
        site.Write("import/empty.json", content);

        var (exit, _, error) = await Import(site, site.PathOf("import/empty.json"));

        Assert.Equal(1, exit);
        Assert.Equal(
        [
            $"{site.PathOf("import/empty.json")}:1:1: error MG0802: the file is not JSON: it is empty",
            "    hint: import reads a W3C Web Annotation (JSON-LD) export or a Hypothesis API response, as the tool saved it",
        ], Lines(error));
    }

    [Fact]
    public async Task Everything_written_exits_0()
    {
        using var site = TempSite.CopyOfRepository();
        var file = AddFixture(site, "webanno-single-html-body.jsonld");

        var (exit, output, error) = await Import(site, file);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.StartsWith($"Wrote {Note(site, "a-shared-canvas-for-human")}  from {file} (the whole file)\n", output, StringComparison.Ordinal);
        Assert.Contains("1 annotation read from 1 file: 1 written, 0 updated, 0 skipped, 0 orphaned, 0 rejected.", output, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> BadUsage => new()
    {
        { ["--kind", "nonsense"], "error: Argument 'nonsense' not recognized. Must be one of:" },
        { ["--author", "not a handle"], "error: --author 'not a handle' is not a GitHub handle (letters, digits, single hyphens)" },
    };

    [Theory]
    [MemberData(nameof(BadUsage))]
    public async Task Bad_usage_exits_2_and_writes_nothing(string[] options, string message)
    {
        using var site = TempSite.CopyOfRepository();
        var file = AddFixture(site, "webanno-single-html-body.jsonld");
        var before = InputFiles(site);

        var (exit, output, error) = await Import(site, [file, .. options]);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
        Assert.Equal(before, InputFiles(site));
    }

    [Fact]
    public async Task No_file_exits_2()
    {
        var (exit, _, error) = await Run("import");

        Assert.Equal(2, exit);
        Assert.StartsWith("error: Required argument missing for command: 'import'.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_the_same_file_twice_writes_nothing_the_second_time()
    {
        // Given a collection imported once
        using var site = TempSite.CopyOfRepository();
        var file = AddFixture(site, "webanno-collection-two-pages.jsonld");
        await Import(site, file);
        var after = InputFiles(site);

        // When it is imported again
        var (_, output, error) = await Import(site, file);

        // Then nothing is written, and each of its notes is reported as already there
        Assert.Equal(after, InputFiles(site));
        Assert.Equal(["4 annotations read from 1 file: 0 written, 0 updated, 3 skipped, 0 orphaned, 1 rejected."], Lines(output));
        Assert.Contains($"{file}:12:7: info MG0813: /first/items/0: skipped, {Note(site, "heightened-economic-nationalism")} holds this note already, unchanged", Lines(error));
        Assert.Contains($"{file}:50:7: info MG0813: /first/items/1: skipped, {Note(site, "trade-agreements")} holds this note already, unchanged", Lines(error));
        Assert.Contains($"{file}:148:9: info MG0813: /first/next/items/1: skipped, {Note(site, "predicting-floods-in-assam")} holds this note already, unchanged", Lines(error));
    }

    [Fact]
    public async Task The_same_annotation_twice_in_one_run_makes_one_file()
    {
        // Given one Hypothesis annotation, named twice (as two overlapping saved searches would hold it)
        using var site = TempSite.CopyOfRepository();
        var file = AddFixture(site, "hypothesis-single.json");

        var (exit, output, error) = await Import(site, file, file, "--author", "ada-l");

        // Then one file is written and the second is reported as the same note
        Assert.Equal(0, exit);
        Assert.Equal(
        [
            $"Wrote {Note(site, "if-globalisation-was-about-moving")}  from {file} (the whole file)",
            "2 annotations read from 2 files: 1 written, 0 updated, 1 skipped, 0 orphaned, 0 rejected.",
            $"Next: read the new notes, then run marginalia check --input {site.PathOf("input")}.",
        ], Lines(output));
        Assert.Contains($"{file}:1:1: info MG0813: (the whole file): skipped, the same note as {file} (the whole file), imported above", Lines(error));
        Assert.False(File.Exists(Note(site, "if-globalisation-was-about-moving-2")));
    }

    [Fact]
    public async Task A_changed_annotation_is_not_replaced_without_update_and_is_replaced_with_it()
    {
        // Given the HTML-body annotation imported, and a copy of it whose text has changed since
        using var site = TempSite.CopyOfRepository();
        var file = AddFixture(site, "webanno-single-html-body.jsonld");
        Assert.Equal(0, (await Import(site, file)).Exit);
        var written = site.Read("input/annotations/a-shared-canvas-for-human.md");
        site.Write("import/changed.jsonld", File.ReadAllText(file).Replace("(1960)", "(1960, MIT)", StringComparison.Ordinal));
        var changed = site.PathOf("import/changed.jsonld");

        // When the changed copy is imported
        var (exit, output, error) = await Import(site, changed);

        // Then the file is left as it was, with a warning naming --update, and the annotation counts as skipped
        Assert.Equal(0, exit);
        Assert.Equal(written, site.Read("input/annotations/a-shared-canvas-for-human.md"));
        Assert.Equal(
        [
            $"{changed}:1:1: warning MG0814: (the whole file): {Note(site, "a-shared-canvas-for-human")} exists and differs; it is not replaced",
            "    hint: run again with --update to replace it with the imported note",
        ], Lines(error));
        Assert.Equal(["1 annotation read from 1 file: 0 written, 0 updated, 1 skipped, 0 orphaned, 0 rejected."], Lines(output));

        // When it is imported again with --update
        (exit, output, _) = await Import(site, changed, "--update");

        // Then the file holds the changed note, and it is counted as updated
        Assert.Equal(0, exit);
        Assert.Contains("(1960, MIT)", site.Read("input/annotations/a-shared-canvas-for-human.md"), StringComparison.Ordinal);
        Assert.Equal(
        [
            $"Updated {Note(site, "a-shared-canvas-for-human")}  from {changed} (the whole file)",
            "1 annotation read from 1 file: 0 written, 1 updated, 0 skipped, 0 orphaned, 0 rejected.",
            $"Next: read the new notes, then run marginalia check --input {site.PathOf("input")}.",
        ], Lines(output));
    }

    [Fact]
    public async Task Author_fills_in_for_a_Hypothesis_user_that_is_not_a_handle_and_kind_sets_the_undecided_kind()
    {
        // Given a Hypothesis row by 'ada_l' (not a GitHub handle) tagged only 'globalisation' (not a kind)
        using var site = TempSite.CopyOfRepository();
        var file = AddFixture(site, "hypothesis-single.json");

        // When it is imported without --author, it is rejected and nothing is written
        var (exit, _, error) = await Import(site, file);
        Assert.Equal(1, exit);
        Assert.Contains($"{file}:1:1: error MG0812: (the whole file): the author 'ada_l' is not a GitHub handle", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Note(site, "if-globalisation-was-about-moving")));

        // When it is imported with --author ada-l --kind translation
        (exit, _, _) = await Import(site, file, "--author", "ada-l", "--kind", "translation");

        // Then the note carries the handle and the kind
        Assert.Equal(0, exit);
        var text = site.Read("input/annotations/if-globalisation-was-about-moving.md");
        Assert.Contains("\nkind: translation\n", text, StringComparison.Ordinal);
        Assert.Contains("\nauthor: \"ada-l\"\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kind_does_not_change_a_commenting_annotation_which_stays_context()
    {
        // Given W3C annotations whose motivation is "commenting"
        using var site = TempSite.CopyOfRepository();
        var file = AddFixture(site, "webanno-collection-two-pages.jsonld");

        // When they are imported with --kind translation
        await Import(site, file, "--kind", "translation");

        // Then the motivation decides: context
        Assert.Contains("\nkind: context\n", site.Read("input/annotations/heightened-economic-nationalism.md"), StringComparison.Ordinal);
        Assert.Contains("\nkind: context\n", site.Read("input/annotations/predicting-floods-in-assam.md"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_option()
    {
        var (exit, output, _) = await Run("import", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("  marginalia import <FILE>... [options]", output, StringComparison.Ordinal);
        foreach (var option in new[] { "<FILE>", "--input <DIR>", "--dry-run", "--update", "--author <HANDLE>", "--kind <KIND>", "--format <text|json|github>" })
        {
            Assert.Contains("  " + option + " ", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_file_of_17_MiB_is_refused_with_MG0801_and_no_stack_trace()
    {
        // Given a JSON array padded to 17 MiB
        using var site = TempSite.CopyOfRepository();
        var big = new byte[17 * 1024 * 1024];
        Array.Fill(big, (byte)' ');
        big[0] = (byte)'[';
        big[^1] = (byte)']';
        site.WriteBytes("import/big.json", big);
        var before = InputFiles(site);

        // When it is imported where numbers are written "16.777.216" (the message is English, so are its numbers)
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        (int Exit, string Out, string Error) result;
        try
        {
            result = await Import(site, site.PathOf("import/big.json"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }

        // Then it is refused before it is read: MG0801, exit 1, no stack trace, nothing written
        var (exit, output, error) = result;
        Assert.Equal(1, exit);
        Assert.StartsWith($"{site.PathOf("import/big.json")}:1:1: error MG0801: the file is 16,777,217 bytes or more, larger than the limit of 16,777,216 bytes (16 MiB)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error + output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + output, StringComparison.Ordinal);
        Assert.Equal(before, InputFiles(site));
    }

    [Fact]
    public async Task Script_and_javascript_links_in_an_HTML_body_do_not_reach_the_note()
    {
        // Given a W3C annotation on "citizen juries" whose HTML body holds a script and a javascript: link
        using var site = TempSite.CopyOfRepository();
        site.Write("import/hostile.jsonld", WebAnnotation("<p>Juries <script>alert(1)</script>of citizens, <a href=\"javascript:alert(1)\">x</a> here.</p>", "text/html",
            new { type = "TextQuoteSelector", exact = "citizen juries" }));

        var (exit, _, _) = await Import(site, site.PathOf("import/hostile.jsonld"));

        // Then the note is written, and holds neither
        Assert.Equal(0, exit);
        var text = site.Read("input/annotations/citizen-juries.md");
        Assert.Contains("quote: \"citizen juries\"", text, StringComparison.Ordinal);
        Assert.Contains("Juries", text, StringComparison.Ordinal);
        Assert.DoesNotContain("script", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_position_past_the_end_of_essay_txt_is_ignored_and_the_quote_with_its_prefix_places_the_note()
    {
        // Given "trade agreements" (which the essay uses more than once) with the prefix of one occurrence, and a
        // TextPositionSelector on essay.txt far past its end
        using var site = TempSite.CopyOfRepository();
        site.Write("import/past-end.jsonld", WebAnnotation("A regional agreement is the usual example.", "text/plain",
            new { type = "TextQuoteSelector", exact = "trade agreements", prefix = "Global unity is no longer about ", suffix = " or shipping containers" },
            new { type = "TextPositionSelector", start = 9_000_000, end = 9_000_016 }));

        var (exit, output, _) = await Import(site, site.PathOf("import/past-end.jsonld"));

        // Then the note is placed on that occurrence, written as `new` writes it
        Assert.Equal(0, exit);
        Assert.StartsWith($"Wrote {Note(site, "trade-agreements")}", output, StringComparison.Ordinal);
        var text = site.Read("input/annotations/trade-agreements.md");
        Assert.Contains("quote: \"trade agreements\"\nsuffix: \"or\"\n", text, StringComparison.Ordinal);
    }

    // GitHub's syntax: ::command key=value,key=value::message, with no raw newline.
    [GeneratedRegex("^::(error|warning|notice) file=[^,:]+,line=[0-9]+,col=[0-9]+,title=MG[0-9]{4}::[^\\r\\n]*$")]
    private static partial Regex WorkflowCommand();
}

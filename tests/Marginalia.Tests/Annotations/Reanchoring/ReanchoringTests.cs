using Marginalia.Cli;
using Marginalia.Contributions;
using Marginalia.Diagnostics;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Annotations.Reanchoring;

/// <summary>
/// Notes written against one version of the essay, then the essay corrected, then the site checked: each on a copy of
/// the repository, with the note written by <c>marginalia new</c> so it carries the essay-version of its day.
/// </summary>
public class ReanchoringTests
{
    private const string Entrepreneurs = "Small entrepreneurs in Southeast Asia use AI to tap into global markets.";

    private static async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await new CliApp(CliConsoles.ToWriters(output, error)).RunAsync(args);
        return (exit, output.ToString(), error.ToString());
    }

    private static Task<(int Exit, string Out, string Error)> Check(TempSite site, params string[] extra) =>
        Run(["check", "--input", site.PathOf("input"), "--theme", site.PathOf("theme"), .. extra]);

    /// <summary>Writes a note on <paramref name="quote"/> the way a contributor would, against the essay as it stands now.</summary>
    private static async Task<string> NewNote(TempSite site, string id, string quote)
    {
        var (exit, _, error) = await Run("new", "annotation", "--quote", quote, "--id", id, "--author", "jdoe", "--input", site.PathOf("input"));
        Assert.True(exit == 0, error);
        var path = $"input/annotations/{id}.md";
        site.Edit(path, Placeholders.NoteBody, "A note on the passage.");
        return path;
    }

    [Fact]
    public async Task A_mistyped_quote_against_the_current_essay_is_an_error_with_the_closest_passage_and_not_moved()
    {
        using var site = TempSite.CopyOfRepository();
        var path = await NewNote(site, "typo", "Rich countries possess much more compute power and talent streams.");
        site.Edit(path, "compute power", "compute powr");

        var (exit, _, error) = await Check(site);

        Assert.True(exit == 1, error);
        Assert.Contains($"{path}:2:8: error MG0602: the quote is not in the essay", error, StringComparison.Ordinal);
        Assert.Contains("hint: the closest passage is in ¶ p-true-the-fear-that: \"Rich countries possess much more compute power and talent streams.\"", error, StringComparison.Ordinal);
        Assert.DoesNotContain("MG0611", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_typo_fixed_inside_the_quote_reanchors_with_a_warning_naming_the_new_quote()
    {
        using var site = TempSite.CopyOfRepository();
        site.Edit("input/essay.md", "remarkably cooperative", "remarkebly cooperative");
        var path = await NewNote(site, "cooperative", "the AI ecosystem is new, open, and remarkebly cooperative");
        site.Edit("input/essay.md", "remarkebly cooperative", "remarkably cooperative"); // the editors fix the typo

        var (exit, output, error) = await Check(site);

        Assert.Equal(0, exit);
        Assert.Contains($"{path}:2:8: warning MG0611: the essay changed since this note was written", error, StringComparison.Ordinal);
        Assert.Contains("the note now anchors in ¶ p-but-this-only-makes on \"the AI ecosystem is new, open, and remarkably cooperative\"", error, StringComparison.Ordinal);
        Assert.StartsWith("Checked: no errors, 1 warning", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_word_inserted_in_the_quoted_passage_reanchors_on_the_longer_passage()
    {
        using var site = TempSite.CopyOfRepository();
        var path = await NewNote(site, "entrepreneurs", Entrepreneurs);
        site.Edit("input/essay.md", "Southeast Asia use AI", "Southeast Asia increasingly use AI");

        var (exit, _, error) = await Check(site);

        Assert.Equal(0, exit);
        Assert.Contains($"{path}:2:8: warning MG0611:", error, StringComparison.Ordinal);
        Assert.Contains("the note now anchors in ¶ p-most-notably-ai-is on \"Small entrepreneurs in Southeast Asia increasingly use AI to tap into global markets.\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_passage_moved_to_another_paragraph_reanchors_where_its_prefix_still_fits()
    {
        // Given a note on a phrase the essay will come to use twice, told apart by its prefix
        using var site = TempSite.CopyOfRepository();
        var path = await NewNote(site, "markets", "to tap into global markets");
        site.Edit(path, "quote: \"to tap into global markets\"", "quote: \"to tap into global markets\"\nprefix: \"Small entrepreneurs in Southeast Asia use AI\"");

        // When the editors move the sentence to another paragraph, reworded, and leave a similar one in its place
        site.Edit("input/essay.md", Entrepreneurs, "Farmers in Kenya use AI to tap into global markets.");
        site.Edit("input/essay.md", "upskilling. These initiatives", "upskilling. Small entrepreneurs across Southeast Asia use AI to tap into global markets. These initiatives");

        var (exit, _, error) = await Check(site);

        // Then the note follows its context to the new paragraph, not the word-for-word match left behind
        Assert.Equal(0, exit);
        Assert.Contains($"{path}:2:8: warning MG0611:", error, StringComparison.Ordinal);
        Assert.Contains("the note now anchors in ¶ p-several-efforts-point-in on \"to tap into global markets\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_passage_leaves_the_note_unanchored_which_is_an_error()
    {
        using var site = TempSite.CopyOfRepository();
        var path = await NewNote(site, "entrepreneurs", Entrepreneurs);
        site.Edit("input/essay.md", Entrepreneurs + " ", string.Empty);

        var (exit, _, error) = await Check(site);

        Assert.Equal(1, exit);
        Assert.Contains($"{path}:2:8: error MG0612: the essay changed since this note was written", error, StringComparison.Ordinal);
        Assert.Contains("and the note could not be placed again: no passage is within", error, StringComparison.Ordinal);
        Assert.Contains("build with --allow-unanchored", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_allow_unanchored_the_notes_page_lists_the_note_with_its_quote_struck_through()
    {
        using var site = TempSite.CopyOfRepository();
        await NewNote(site, "entrepreneurs", Entrepreneurs);
        site.Edit("input/essay.md", Entrepreneurs + " ", string.Empty);

        var (exit, _, error) = await Run("build", "--input", site.PathOf("input"), "--theme", site.PathOf("theme"), "--output", site.OutputDir, "--allow-unanchored");

        Assert.Equal(0, exit);
        Assert.Contains("warning MG0612:", error, StringComparison.Ordinal);
        Assert.Contains("it is listed under \"Unanchored\" on the notes page", error, StringComparison.Ordinal);
        var notesPage = site.Read("output/notes/index.html");
        var unanchored = notesPage[notesPage.IndexOf("<h2 id=\"notes-unanchored\">Unanchored</h2>", StringComparison.Ordinal)..];
        Assert.Contains($"<li id=\"note-entrepreneurs\" class=\"note note--context note--unanchored\">", unanchored, StringComparison.Ordinal);
        Assert.Contains($"<del>{Entrepreneurs}</del>", unanchored, StringComparison.Ordinal);
        Assert.Contains("A note on the passage.", unanchored, StringComparison.Ordinal);
        Assert.DoesNotContain("note-entrepreneurs", site.Read("output/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_fix_rewrites_only_the_quote_and_essay_version_and_leaves_every_other_byte()
    {
        // Given a re-anchorable note with comments, sources and CRLF line endings
        using var site = TempSite.CopyOfRepository();
        var path = await NewNote(site, "entrepreneurs", Entrepreneurs);
        site.Edit(path, "kind:", "# a comment the fix must keep\nkind:");
        site.Write(path, site.Read(path).Replace("\n", "\r\n", StringComparison.Ordinal));
        var before = site.Read(path);
        var oldVersion = System.Text.RegularExpressions.Regex.Match(before, "essay-version: \"([0-9a-f]{12})\"").Groups[1].Value;
        site.Edit("input/essay.md", "Southeast Asia use AI", "Southeast Asia increasingly use AI");

        // When check runs with --fix
        var (exit, _, error) = await Check(site, "--fix");

        // Then exactly the quote's and the version's values changed, byte for byte
        Assert.Equal(0, exit);
        Assert.Contains($"fixed {site.PathOf(path)}: quote, essay-version", error, StringComparison.Ordinal);
        var after = File.ReadAllBytes(site.PathOf(path));
        var newVersion = System.Text.RegularExpressions.Regex.Match(System.Text.Encoding.UTF8.GetString(after), "essay-version: \"([0-9a-f]{12})\"").Groups[1].Value;
        Assert.NotEqual(oldVersion, newVersion);
        var expected = before
            .Replace($"quote: \"{Entrepreneurs}\"", "quote: \"Small entrepreneurs in Southeast Asia increasingly use AI to tap into global markets.\"", StringComparison.Ordinal)
            .Replace($"essay-version: \"{oldVersion}\"", $"essay-version: \"{newVersion}\"", StringComparison.Ordinal);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(expected), after);

        // And the next check is clean: no warning left
        var (again, output, againError) = await Check(site);
        Assert.Equal(0, again);
        Assert.DoesNotContain("MG0611", againError, StringComparison.Ordinal);
        Assert.StartsWith("Checked: no errors (", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_without_fix_writes_nothing()
    {
        using var site = TempSite.CopyOfRepository();
        var path = await NewNote(site, "entrepreneurs", Entrepreneurs);
        var before = File.ReadAllBytes(site.PathOf(path));
        site.Edit("input/essay.md", "Southeast Asia use AI", "Southeast Asia increasingly use AI");

        var (exit, _, error) = await Check(site);

        Assert.Equal(0, exit);
        Assert.Contains("warning MG0611", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(site.PathOf(path)));
    }
}

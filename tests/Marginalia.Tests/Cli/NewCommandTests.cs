using System.CommandLine;
using Marginalia.Cli;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Diagnostics;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Cli;

public class NewCommandTests
{
    private static async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await new CliApp(CliConsoles.ToWriters(output, error)).RunAsync(args);
        return (exit, output.ToString(), error.ToString());
    }

    private static async Task<(int Exit, string Out, string Error)> Check(TempSite site) =>
        await Run("check", "--input", site.PathOf("input"), "--theme", site.PathOf("theme"));

    [Fact]
    public async Task A_repeated_quote_is_written_with_a_prefix_or_suffix_that_check_accepts()
    {
        // Given a copy of the site, and "WTO", which the essay uses twice
        using var site = TempSite.CopyOfRepository();

        // When a note is made for it
        var (exit, output, error) = await Run("new", "annotation", "--quote", "WTO", "--author", "jdoe", "--input", site.PathOf("input"));

        // Then the file is written with a prefix or suffix and the next step is named
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        var text = site.Read("input/annotations/wto.md");
        Assert.Matches("(?m)^(prefix|suffix): \"[^\"]+\"   # the quote occurs twice", text);
        Assert.Contains($"Wrote {site.PathOf("input/annotations/wto.md")}", output, StringComparison.Ordinal);
        Assert.Contains("then run marginalia check", output, StringComparison.Ordinal);

        // And check refuses it only for the body, which is still the placeholder: the quote anchors
        var (checkExit, _, checkError) = await Check(site);
        Assert.Equal(1, checkExit);
        var placeholder = Assert.Single(checkError.Split('\n'), l => l.Contains("wto.md", StringComparison.Ordinal));
        Assert.EndsWith("input/annotations/wto.md:14:1: error MG0613: the placeholder \"Write the note…\" written by marginalia new is still here", placeholder, StringComparison.Ordinal);

        // And once the body is the contributor's own, check passes
        site.Edit("input/annotations/wto.md", Placeholders.NoteBody, "The World Trade Organization.");
        Assert.Equal(0, (await Check(site)).Exit);
    }

    [Fact]
    public async Task The_second_occurrence_can_be_chosen_and_both_notes_anchor()
    {
        using var site = TempSite.CopyOfRepository();

        var first = await Run("new", "annotation", "--quote", "WTO", "--id", "wto-first", "--author", "jdoe", "--input", site.PathOf("input"));
        var second = await Run("new", "annotation", "--quote", "WTO", "--id", "wto-second", "--occurrence", "2", "--author", "jdoe", "--input", site.PathOf("input"));

        Assert.Equal((0, 0), (first.Exit, second.Exit));
        var build = await site.BuildAsync(write: false);
        Assert.Equal(["MG0613", "MG0613"], build.Diagnostics.Where(d => d.IsError).Select(d => d.Code.Id));
    }

    [Fact]
    public async Task An_unknown_quote_exits_1_with_the_closest_passage_and_writes_nothing()
    {
        using var site = TempSite.CopyOfRepository();

        var (exit, _, error) = await Run("new", "annotation", "--quote", "the dataset itself is skewd", "--author", "jdoe", "--input", site.PathOf("input"));

        Assert.Equal(1, exit);
        Assert.Contains("error: the quote is not in the essay", error, StringComparison.Ordinal);
        Assert.Contains("hint: the closest passage is in ¶ p-true-the-fear-that: \"", error, StringComparison.Ordinal);
        Assert.False(File.Exists(site.PathOf("input/annotations/the-dataset-itself-is-skewd.md")));
    }

    [Fact]
    public async Task An_existing_file_is_never_overwritten()
    {
        // Given a note that already exists
        using var site = TempSite.CopyOfRepository();
        var before = site.Read("input/annotations/bhashini-project.md");

        // When a new note asks for its id
        var (exit, _, error) = await Run("new", "annotation", "--quote", "WTO", "--id", "bhashini-project", "--author", "jdoe", "--input", site.PathOf("input"));

        // Then it exits 1, says so, and the file is unchanged
        Assert.Equal(1, exit);
        Assert.Contains("bhashini-project.md already exists; nothing was written", error, StringComparison.Ordinal);
        Assert.Equal(before, site.Read("input/annotations/bhashini-project.md"));
    }

    [Fact]
    public async Task A_quote_holding_a_colon_is_double_quoted_and_reads_back_as_typed()
    {
        using var site = TempSite.CopyOfRepository();
        const string quote = "economic diplomacy failed to do: creating a basis for inclusive";

        var (exit, _, _) = await Run("new", "annotation", "--quote", quote, "--id", "colon-quote", "--author", "jdoe", "--input", site.PathOf("input"));

        Assert.Equal(0, exit);
        var text = site.Read("input/annotations/colon-quote.md");
        Assert.Contains($"quote: \"{quote}\"", text, StringComparison.Ordinal);
        Assert.Contains("author: \"jdoe\"", text, StringComparison.Ordinal);
        var diagnostics = new DiagnosticBag();
        var fields = FieldParser.For(FrontMatterParser.Parse(new SourceText(site.PathOf("input/annotations/colon-quote.md"), "colon-quote.md", text), diagnostics)!, diagnostics);
        Assert.Equal(quote, fields.OptionalString("quote"));
        site.Edit("input/annotations/colon-quote.md", Placeholders.NoteBody, "What economic diplomacy failed to do.");
        Assert.Equal(0, (await Check(site)).Exit);
    }

    [Fact]
    public async Task An_initiative_mention_the_essay_does_not_hold_exits_1()
    {
        using var site = TempSite.CopyOfRepository();

        var (exit, _, error) = await Run("new", "initiative", "--name", "Bhashini language platform", "--mention", "India’s Bhashini project", "--mention", "Bhashini platform",
            "--author", "jdoe", "--input", site.PathOf("input"));

        Assert.Equal(1, exit);
        Assert.Contains("error: the mention 'Bhashini platform' is not in the essay", error, StringComparison.Ordinal);
        Assert.Contains("hint: ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(site.PathOf("input/initiatives/bhashini-language-platform.md")));
    }

    [Fact]
    public async Task A_new_initiative_with_found_mentions_is_accepted_by_check()
    {
        using var site = TempSite.CopyOfRepository();

        var (exit, _, _) = await Run("new", "initiative", "--name", "Indonesia disaster AI", "--mention", "Indonesia is experimenting with AI for disaster management",
            "--author", "jdoe", "--input", site.PathOf("input"));

        Assert.Equal(0, exit);
        var build = await site.BuildAsync(write: false);
        Assert.Equal(["MG0613", "MG0613"], build.Diagnostics.Where(d => d.IsError).Select(d => d.Code.Id)); // summary and body: nothing else
    }

    [Fact]
    public async Task A_new_term_is_accepted_by_the_build()
    {
        using var site = TempSite.CopyOfRepository();

        var (exit, output, _) = await Run("new", "term", "--term", "geopolitical", "--author", "jdoe", "--input", site.PathOf("input"));

        Assert.Equal(0, exit);
        Assert.Contains("Wrote ", output, StringComparison.Ordinal);
        var text = site.Read("input/glossary/geopolitical.md");
        Assert.Contains("term: \"geopolitical\"", text, StringComparison.Ordinal);
        var build = await site.BuildAsync(write: false);
        Assert.Equal(
            ["input/glossary/geopolitical.md:5:9: error MG0613", "input/glossary/geopolitical.md:12:1: error MG0613"],
            build.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Location}: error {d.Code.Id}"));
    }

    [Fact]
    public async Task A_term_the_essay_never_uses_is_written_with_a_warning()
    {
        using var site = TempSite.CopyOfRepository();

        var (exit, _, error) = await Run("new", "term", "--term", "blockchain", "--author", "jdoe", "--input", site.PathOf("input"));

        Assert.Equal(0, exit);
        Assert.Contains("warning: the essay never uses 'blockchain'", error, StringComparison.Ordinal);
        Assert.True(File.Exists(site.PathOf("input/glossary/blockchain.md")));
    }

    [Theory]
    [InlineData("new", "annotation", "--quote", "WTO", "--author", "Jane Doe")]
    [InlineData("new", "annotation", "--quote", "WTO", "--author", "jdoe", "--id", "Bad Id")]
    [InlineData("new", "annotation", "--quote", "WTO", "--author", "jdoe", "--kind", "opinion")]
    [InlineData("new", "term", "--term", "WTO", "--author", "jdoe", "--case", "upper")]
    [InlineData("new", "initiative", "--name", "Bhashini", "--author", "jdoe")]
    [InlineData("new", "annotation", "--author", "jdoe")]
    public async Task Bad_usage_exits_2(params string[] args)
    {
        using var site = TempSite.CopyOfRepository();

        var (exit, _, error) = await Run([.. args, "--input", site.PathOf("input")]);

        Assert.Equal(2, exit);
        Assert.Contains("marginalia", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_author_or_git_user_it_exits_2_asking_for_author()
    {
        // Given no --author and no github.user in git's config
        using var site = TempSite.CopyOfRepository();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { new NewCommand(CliConsoles.ToWriters(output, error), gitHubUser: () => null).Create() };

        // When a note is asked for
        var exit = await root.Parse(["new", "annotation", "--quote", "WTO", "--input", site.PathOf("input")])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        // Then it asks for --author and writes nothing
        Assert.Equal(2, exit);
        Assert.Contains("give your GitHub handle with --author", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(site.PathOf("input/annotations/wto.md")));
    }

    [Fact]
    public async Task The_git_user_is_the_author_when_author_is_not_given()
    {
        using var site = TempSite.CopyOfRepository();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { new NewCommand(CliConsoles.ToWriters(output, error), gitHubUser: () => "from-git").Create() };

        var exit = await root.Parse(["new", "term", "--term", "geopolitical", "--input", site.PathOf("input")])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(0, exit);
        Assert.Contains("author: \"from-git\"", site.Read("input/glossary/geopolitical.md"), StringComparison.Ordinal);
    }
}

using Marginalia.Cli;
using Marginalia.Contributions;
using Marginalia.Diagnostics;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Cli;

/// <summary>Every hint that tells the user to run marginalia again names the command the way they started it.</summary>
public class CommandNameHintTests
{
    public static TheoryData<string> Invocations => new()
    {
        "./marginalia",
        "dotnet run --project src/Marginalia.Cli --",
        "marginalia",
        "dotnet marginalia",
    };

    private static async Task<(int Exit, string Out, string Error)> Run(string command, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await new CliApp(CliConsoles.ToWriters(output, error), new CommandName(command)).RunAsync(args);
        return (exit, output.ToString(), error.ToString());
    }

    [Theory]
    [MemberData(nameof(Invocations))]
    public async Task Bad_usage_points_to_help(string command)
    {
        var (exit, _, error) = await Run(command, "publish");

        Assert.Equal(2, exit);
        Assert.EndsWith($"Run {command} --help for usage.\n", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Invocations))]
    public async Task Bad_usage_of_new_points_to_its_help(string command)
    {
        using var site = TempSite.CopyOfRepository();

        var (exit, _, error) = await Run(command, "new", "annotation", "--quote", "WTO", "--author", "jdoe", "--kind", "opinion", "--input", site.PathOf("input"));

        Assert.Equal(2, exit);
        Assert.EndsWith($"Run {command} new --help for usage.\n", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Invocations))]
    public async Task A_new_note_says_to_run_check_next_and_a_fact_check_warns_before_it(string command)
    {
        using var site = TempSite.CopyOfRepository();

        var (exit, output, error) = await Run(command, "new", "annotation", "--quote", "WTO", "--id", "wto-note", "--kind", "fact-check", "--author", "jdoe", "--input", site.PathOf("input"));

        Assert.True(exit == 0, error);
        Assert.EndsWith($", then run {command} check --input {site.PathOf("input")}.\n", output, StringComparison.Ordinal);
        Assert.Equal($"warning: a 'fact-check' note needs sources: fill in the commented 'sources' block before running {command} check\n", error);
    }

    [Theory]
    [MemberData(nameof(Invocations))]
    public async Task A_note_placed_again_after_a_correction_says_to_run_check_fix(string command)
    {
        using var site = TempSite.CopyOfRepository();
        site.Edit("input/essay.md", "remarkably cooperative", "remarkebly cooperative");
        var (made, _, madeError) = await Run(command, "new", "annotation", "--quote", "the AI ecosystem is new, open, and remarkebly cooperative",
            "--id", "cooperative", "--author", "jdoe", "--input", site.PathOf("input"));
        Assert.True(made == 0, madeError);
        site.Edit("input/annotations/cooperative.md", Placeholders.NoteBody, "A note on the passage.");
        site.Edit("input/essay.md", "remarkebly cooperative", "remarkably cooperative");

        var (exit, _, error) = await Run(command, "check", "--input", site.PathOf("input"), "--theme", site.PathOf("theme"));

        Assert.True(exit == 0, error);
        Assert.Contains($"    hint: run '{command} check --fix' to write the new quote and essay-version into the file, after reading the passage\n", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Invocations))]
    public async Task Help_shows_usage_with_the_command_as_typed(string command)
    {
        var (rootExit, root, _) = await Run(command, "--help");
        var (checkExit, check, _) = await Run(command, "check", "--help");
        var (newExit, annotation, _) = await Run(command, "new", "annotation", "-h");

        Assert.Equal((0, 0, 0), (rootExit, checkExit, newExit));
        Assert.Contains($"Usage:\n  {command} [command] [options]\n", root, StringComparison.Ordinal);
        Assert.Contains($"Usage:\n  {command} check [options]\n", check, StringComparison.Ordinal);
        Assert.Contains($"Usage:\n  {command} new annotation [options]\n", annotation, StringComparison.Ordinal);
    }
}

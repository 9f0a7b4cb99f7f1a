using Marginalia.Cli;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Cli;

public class CliAppTests
{
    private static async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await new CliApp(CliConsoles.ToWriters(output, error)).RunAsync(args);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Build_succeeds_with_exit_0_and_says_what_it_wrote()
    {
        using var site = TempSite.CopyOfRepository();

        var (exit, output, error) = await Run("build", "--input", site.PathOf("input"), "--theme", site.PathOf("theme"), "--output", site.PathOf("output"));

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.True(File.Exists(site.PathOf("output/index.html")));
        var written = site.Snapshot().Count;
        Assert.Matches($"^Built {written} files into .*/output/ in [0-9]+ ms\\.\\n$", output);
    }

    [Fact]
    public async Task Input_errors_exit_1_and_print_each_diagnostic_with_its_hint()
    {
        using var site = TempSite.CopyOfRepository();
        site.Edit("input/essay.md", "language: en", "langauge: en");

        var (exit, _, error) = await Run("build", "--input", site.PathOf("input"), "--theme", site.PathOf("theme"), "--output", site.PathOf("output"));

        Assert.Equal(1, exit);
        var lines = error.Split('\n');
        Assert.Contains(lines, l => l.EndsWith("input/essay.md:1:1: error MG0111: required field 'language' is missing", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("input/essay.md:7:1: error MG0110: unknown field 'langauge'", StringComparison.Ordinal));
        Assert.Contains("    hint: did you mean 'language'?", lines);
        Assert.Contains("2 errors; nothing was written.", lines);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal); // never a stack trace
        Assert.False(Directory.Exists(site.PathOf("output")));
    }

    [Fact]
    public async Task Check_writes_nothing_and_exits_0_on_valid_input()
    {
        using var site = TempSite.CopyOfRepository();

        var (exit, output, _) = await Run("check", "--input", site.PathOf("input"), "--theme", site.PathOf("theme"));

        Assert.Equal(0, exit);
        Assert.StartsWith("Checked: no errors", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Environment.CurrentDirectory, "output.staging")));
    }

    [Theory]
    [InlineData("publish")]
    [InlineData("build", "--colour")]
    [InlineData("preview", "--port", "eighty")]
    [InlineData]
    public async Task Bad_usage_exits_2_and_points_to_help(params string[] args)
    {
        var (exit, _, error) = await Run(args);

        Assert.Equal(2, exit);
        Assert.Contains("Run marginalia --help for usage.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_commands_and_exits_0()
    {
        var (exit, output, _) = await Run("--help");

        Assert.Equal(0, exit);
        Assert.Contains("build", output, StringComparison.Ordinal);
        Assert.Contains("check", output, StringComparison.Ordinal);
        Assert.Contains("preview", output, StringComparison.Ordinal);
        Assert.Contains("--quiet", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_build_prints_nothing_on_success()
    {
        using var site = TempSite.CopyOfRepository();

        var (exit, output, error) = await Run("build", "--quiet", "--input", site.PathOf("input"), "--theme", site.PathOf("theme"), "--output", site.PathOf("output"));

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, output + error);
    }
}

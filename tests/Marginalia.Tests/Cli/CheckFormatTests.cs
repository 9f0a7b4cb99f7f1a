using System.Text.Json;
using System.Text.RegularExpressions;
using Marginalia.Cli;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Cli;

public partial class CheckFormatTests
{
    private static async Task<(int Exit, string Out, string Error)> Check(TempSite site, params string[] extra)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var args = new[] { "check", "--input", site.PathOf("input"), "--theme", site.PathOf("theme") }.Concat(extra).ToArray();
        var exit = await new CliApp(CliConsoles.ToWriters(output, error)).RunAsync(args);
        return (exit, output.ToString(), error.ToString());
    }

    private static TempSite BrokenSite()
    {
        var site = TempSite.CopyOfRepository();
        site.Write("input/annotations/typo.md", "---\nquote: \"Bhashini projekt, aims\"\nauthor: someone\ncreated: 2026-11-27\n---\nA note, with a comma: and a colon.\n");
        site.Edit("input/site.yml", "branch:", "brnch:");
        return site;
    }

    [Fact]
    public async Task Github_format_prints_workflow_commands_with_file_line_and_column()
    {
        using var site = BrokenSite();

        var (exit, output, _) = await Check(site, "--format", "github");

        Assert.Equal(1, exit);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.All(lines, line => Assert.Matches(WorkflowCommand(), line));
        Assert.Contains(lines, l => l.StartsWith("::error file=", StringComparison.Ordinal) && l.Contains("input/site.yml,line=6,col=1,title=MG0110::unknown field 'brnch'%0Ahint: did you mean 'branch'?", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("input/annotations/typo.md,line=2,col=8,title=MG0602::the quote is not in the essay", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_format_lists_every_diagnostic_with_its_place()
    {
        using var site = BrokenSite();

        var (exit, output, _) = await Check(site, "--format", "json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var items = json.RootElement.EnumerateArray().ToList();
        var unknown = items.Single(i => i.GetProperty("code").GetString() == "MG0110");
        Assert.Equal(6, unknown.GetProperty("line").GetInt32());
        Assert.Equal(1, unknown.GetProperty("column").GetInt32());
        Assert.Equal("error", unknown.GetProperty("severity").GetString());
        Assert.EndsWith("input/site.yml", unknown.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Equal("did you mean 'branch'?", unknown.GetProperty("hint").GetString());
        Assert.Equal(2, items.Count);
    }

    [Fact]
    public void Workflow_command_values_are_escaped()
    {
        var diagnostic = Marginalia.Diagnostics.Diagnostic.Error(Marginalia.Diagnostics.DiagnosticCodes.InvalidValue,
            new Marginalia.Diagnostics.SourceLocation("input/a,b:c.md", 3, 4), "100% wrong\nsecond line", "a hint");

        // A line break inside a value is shown, not acted on: the only %0A is the one before the hint
        Assert.Equal("::error file=input/a%2Cb%3Ac.md,line=3,col=4,title=MG0112::100%25 wrong\\x0Asecond line%0Ahint: a hint", GithubAnnotations.Format(diagnostic));
    }

    // GitHub's syntax: ::command key=value,key=value::message, with no raw newline.
    [GeneratedRegex("^::(error|warning|notice) file=[^,:]+,line=[0-9]+,col=[0-9]+,title=MG[0-9]{4}::[^\\r\\n]*$")]
    private static partial Regex WorkflowCommand();
}

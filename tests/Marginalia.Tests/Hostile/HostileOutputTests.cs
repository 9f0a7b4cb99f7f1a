using System.Text.Json;
using System.Text.RegularExpressions;
using Marginalia.Cli;
using Marginalia.Diagnostics;
using Marginalia.Preview;
using Marginalia.Site;
using Marginalia.Tests.Diagnostics;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Hostile;

/// <summary>
/// Whatever the input holds, no output a maintainer reads (console text, JSON, GitHub workflow commands, the
/// preview's error page) carries a character that acts instead of showing: each is printed as a visible escape.
/// </summary>
public sealed partial class HostileOutputTests
{
    public static TheoryData<string, string> Hidden() => VisibleTextTests.Hidden();

    private static Diagnostic Carrying(string hidden) => Diagnostic.Error(DiagnosticCodes.InvalidValue,
        new SourceLocation($"input/annotations/a{hidden}b.md", 7, 9), $"mention 'x{hidden}y' is not in the essay", $"did you mean 'x{hidden}z'?");

    /// <summary>No hidden character in the output, apart from the line breaks the format itself writes.</summary>
    private static void AssertShowsNothingHidden(string output, params char[] ownLineBreaks)
    {
        var escaped = VisibleText.Escape(output.Replace("\n", string.Empty, StringComparison.Ordinal));
        Assert.Equal(output.Replace("\n", string.Empty, StringComparison.Ordinal), escaped);
        Assert.All(output.Where(c => VisibleText.IsHidden(c)), c => Assert.Contains(c, ownLineBreaks));
    }

    [Theory]
    [MemberData(nameof(Hidden), DisableDiscoveryEnumeration = true)]
    public void Text_output_prints_every_field_escaped_on_its_own_lines(string hidden, string escape)
    {
        using var error = new StringWriter();

        new DiagnosticPrinter(CliConsoles.ToWriters(TextWriter.Null, error).Error).Print([Carrying(hidden)]);

        var text = error.ToString();
        AssertShowsNothingHidden(text, '\n');
        Assert.Equal(
            $"input/annotations/a{escape}b.md:7:9: error MG0112: mention 'x{escape}y' is not in the essay\n    hint: did you mean 'x{escape}z'?\n",
            text.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Hidden), DisableDiscoveryEnumeration = true)]
    public void Json_output_is_valid_and_carries_every_field_escaped(string hidden, string escape)
    {
        var json = JsonDiagnostics.Format([Carrying(hidden)]);

        AssertShowsNothingHidden(json, '\n');
        Assert.DoesNotContain("\\u001B", json, StringComparison.OrdinalIgnoreCase); // not even as a JSON escape: decoded, it would act
        using var document = JsonDocument.Parse(json);
        var item = Assert.Single(document.RootElement.EnumerateArray().ToList());
        Assert.Equal($"input/annotations/a{escape}b.md", item.GetProperty("path").GetString());
        Assert.Equal($"mention 'x{escape}y' is not in the essay", item.GetProperty("message").GetString());
        Assert.Equal($"did you mean 'x{escape}z'?", item.GetProperty("hint").GetString());
    }

    [Theory]
    [MemberData(nameof(Hidden), DisableDiscoveryEnumeration = true)]
    public void Github_output_is_one_workflow_command_with_every_field_escaped(string hidden, string escape)
    {
        var line = GithubAnnotations.Format(Carrying(hidden));

        AssertShowsNothingHidden(line);
        var property = escape.Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
        Assert.Equal($"::error file=input/annotations/a{property}b.md,line=7,col=9,title=MG0112::mention 'x{escape}y' is not in the essay%0Ahint: did you mean 'x{escape}z'?", line);
    }

    [Theory]
    [MemberData(nameof(Hidden), DisableDiscoveryEnumeration = true)]
    public void The_preview_error_page_shows_every_field_escaped(string hidden, string escape)
    {
        var result = new BuildResult([Carrying(hidden)], [], false);

        var html = ErrorPage.Render(new PreviewBuild(2, result, TimeSpan.Zero, []), "v-2");

        AssertShowsNothingHidden(html, '\n');
        var encoded = System.Net.WebUtility.HtmlEncode(escape);
        Assert.Contains($"<h2 id=\"file-1\"><code>input/annotations/a{encoded}b.md</code>", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"diagnostic-place\">input/annotations/a{encoded}b.md:7:9</p>", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"diagnostic-message\">mention &#39;x{encoded}y&#39; is not in the essay</p>", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"diagnostic-hint\"><strong>Hint:</strong> did you mean &#39;x{encoded}z&#39;?</p>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\r::add-mask::secret")]
    [InlineData("\n::stop-commands::token")]
    [InlineData("\r\n::error file=fake.md::ALL CHECKS PASSED")]
    [InlineData("\u2028::warning::fake")]
    [InlineData("%0A::error::percent-encoded newline")]
    [InlineData("a,b:c::d")]
    public void No_value_can_start_a_workflow_command_of_its_own(string injected)
    {
        var diagnostic = Diagnostic.Error(DiagnosticCodes.InvalidValue, new SourceLocation($"input/x{injected}.md", 1, 1), $"m{injected}", $"h{injected}");

        var line = GithubAnnotations.Format(diagnostic);

        Assert.Matches(WorkflowCommand(), line);
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        Assert.DoesNotContain("%0A::", line.Replace("%0Ahint: h", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>Attacks as a contributor can write them: in a file's contents, and in its name.</summary>
    public static TheoryData<string, string> HostileFiles() => new()
    {
        // A mention that clears the screen and prints a fake success, written as a YAML escape
        { "input/initiatives/fake.md", "---\nname: \"Fake\"\nmentions: [\"\\e[2J\\e[H\\rALL CHECKS PASSED\\n\\u009B2J\"]\nsummary: \"s\"\nauthor: \"x\"\n---\nBody.\n" },
        // A term whose alias overrides the direction of what follows it
        { "input/glossary/fake.md", "---\nterm: \"Fake\\u202Eterm\"\nshort: \"s\"\nauthor: \"x\"\n---\nBody.\n" },
        // A file named with ESC, and one with a line break in its name
        { "input/annotations/\u001B[2Jbad.md", "---\nquote: \"x\"\nauthor: \"x\"\ncreated: 2026-11-27\n---\nBody.\n" },
        { "input/annotations/line\nALL CHECKS PASSED.md", "---\nquote: \"x\"\nauthor: \"x\"\ncreated: 2026-11-27\n---\nBody.\n" },
        { "input/glossary/\u202Edm.evil.md", "---\nterm: \"x\"\nshort: \"s\"\nauthor: \"x\"\n---\nBody.\n" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles), DisableDiscoveryEnumeration = true)]
    public async Task Check_prints_nothing_hidden_in_any_format(string file, string content)
    {
        using var site = TempSite.CopyOfRepository();
        site.Write(file, content);

        foreach (var format in new[] { "text", "json", "github" })
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = await new CliApp(CliConsoles.ToWriters(output, error)).RunAsync(
                ["check", "--input", site.PathOf("input"), "--theme", site.PathOf("theme"), "--format", format, "--verbose"]);

            Assert.NotEqual(2, exit); // an error, or (a term the essay never uses) a warning that echoes it
            AssertShowsNothingHidden(output.ToString(), '\n');
            AssertShowsNothingHidden(error.ToString(), '\n');
            Assert.DoesNotContain("\nALL CHECKS PASSED", output.ToString() + error.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("\u001B[2J\u001B[HALL CHECKS PASSED")]
    [InlineData("India\u202E’s Bhashini")]
    [InlineData("\u009B31mred")]
    public async Task The_new_command_echoes_an_argument_escaped(string mention)
    {
        using var site = TempSite.CopyOfRepository();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await new CliApp(CliConsoles.ToWriters(output, error)).RunAsync(
            ["new", "initiative", "--name", "X", "--mention", mention, "--author", "jdoe", "--input", site.PathOf("input")]);

        Assert.NotEqual(0, exit);
        Assert.Contains(VisibleText.Escape(mention), error.ToString(), StringComparison.Ordinal);
        AssertShowsNothingHidden(output.ToString() + error.ToString(), '\n');
    }

    [GeneratedRegex("^::error file=[^,:\\r\\n]+,line=[0-9]+,col=[0-9]+,title=MG[0-9]{4}::[^\\r\\n]*$")]
    private static partial Regex WorkflowCommand();
}

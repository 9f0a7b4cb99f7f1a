using System.CommandLine;
using System.CommandLine.Help;
using System.Text.RegularExpressions;
using System.Diagnostics;
using Marginalia.Annotations.Reanchoring;
using Marginalia.Diagnostics;
using Marginalia.Site;
using Spectre.Console;

namespace Marginalia.Cli;

/// <summary>The <c>marginalia</c> command: build, check, preview, new, import.</summary>
/// <param name="command">How the user started it (see <see cref="Invocation"/>), named in every hint to run it again.</param>
internal sealed class CliApp(CliConsoles consoles, CommandName? command = null)
{
    private readonly CommandName _command = command ?? CommandName.Default;

    private readonly Option<bool> _quiet = new("--quiet", "-q") { Description = "Print only errors and warnings.", Recursive = true };
    private readonly Option<bool> _verbose = new("--verbose", "-v") { Description = "Also print every file written (and, in preview, every change seen).", Recursive = true };

    private static Option<bool> AllowUnanchoredOption() => new("--allow-unanchored")
    {
        Description = "Notes that no longer fit a corrected essay are listed under \"Unanchored\" on the notes page (a warning) instead of failing.",
    };

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var root = CreateRootCommand();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            return BadUsage([.. parsed.Errors.Select(e => e.Message)]);
        }

        if (parsed.Action is not HelpAction)
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = consoles.OutWriter, Error = consoles.ErrorWriter }, cancellationToken)
                .ConfigureAwait(false);
        }

        // Help's usage lines start with the process's own name (Marginalia.Cli, or testhost): show the command as typed.
        using var help = new StringWriter();
        var exit = await parsed.InvokeAsync(new InvocationConfiguration { Output = help, Error = consoles.ErrorWriter }, cancellationToken).ConfigureAwait(false);
        var usage = new Regex($"^  {Regex.Escape(root.Name)}(?= |$)", RegexOptions.Multiline);
        await consoles.OutWriter.WriteAsync(usage.Replace(help.ToString(), "  " + _command.Text.Replace("$", "$$", StringComparison.Ordinal))).ConfigureAwait(false);
        return exit;
    }

    public RootCommand CreateRootCommand()
    {
        var root = new RootCommand("Marginalia publishes an essay as an annotated reader: notes in the margin, glossary tooltips, links to the initiatives it names.")
        {
            BuildCommand(),
            CheckCommand(),
            PreviewCommand(),
            new NewCommand(consoles, command: _command).Create(),
            new ImportCommand(consoles, DefaultFormat, _command).Create(_quiet, _verbose),
        };
        root.Options.Add(_quiet);
        root.Options.Add(_verbose);
        return root;
    }

    private static Option<string> FolderOption(string name, string fallback, string description) =>
        new(name) { Description = description, DefaultValueFactory = _ => fallback, HelpName = "DIR" };

    private Command BuildCommand()
    {
        var input = FolderOption("--input", "input", "The folder with essay.md, site.yml and the contributions.");
        var theme = FolderOption("--theme", "theme", "The folder with layouts/ and assets/.");
        var output = FolderOption("--output", "output", "Where the site is written (replaced only when the build succeeds).");
        var allowUnanchored = AllowUnanchoredOption();
        var noCache = new Option<bool>("--no-cache")
        {
            Description = "Neither read nor write the cache in .marginalia/cache/ beside the input folder (minified assets, rendered bodies); the output is the same.",
        };
        var command = new Command("build", "Build the site into the output folder.") { input, theme, output, allowUnanchored, noCache };
        command.SetAction((result, token) => BuildAsync(
            new BuildOptions(result.GetValue(input)!, result.GetValue(theme)!, result.GetValue(output)!)
            {
                AllowUnanchored = result.GetValue(allowUnanchored), Command = _command, DiskCache = !result.GetValue(noCache),
            },
            result,
            token));
        return command;
    }

    private Command CheckCommand()
    {
        var input = FolderOption("--input", "input", "The folder with essay.md, site.yml and the contributions.");
        var theme = FolderOption("--theme", "theme", "The folder with layouts/ and assets/.");
        var format = new Option<DiagnosticFormat?>("--format")
        {
            Description = "text (default), json, or github (workflow commands that annotate the pull request; the default under GitHub Actions).",
            HelpName = "text|json|github",
        };
        var allowUnanchored = AllowUnanchoredOption();
        var fix = new Option<bool>("--fix")
        {
            Description = "Write the new quote, prefix, suffix and essay-version into each note placed again after the essay changed (and no other field or file).",
        };
        var fixSources = new Option<bool>("--fix-sources")
        {
            Description = "Remove tracking parameters (utm_*, fbclid, gclid, …) and default ports (:443, :80) from every source address with a warning MG0630 (and no other field or file).",
        };
        var command = new Command("check", "Validate everything and report every problem; writes nothing (except with --fix or --fix-sources).") { input, theme, format, allowUnanchored, fix, fixSources };
        command.SetAction((result, token) => BuildAsync(
            new BuildOptions(result.GetValue(input)!, result.GetValue(theme)!) { Write = false, AllowUnanchored = result.GetValue(allowUnanchored), Command = _command },
            result, token, result.GetValue(format) ?? DefaultFormat(), result.GetValue(fix), result.GetValue(fixSources)));
        return command;
    }

    private Command PreviewCommand()
    {
        var port = new Option<int>("--port") { Description = "The port to serve on (127.0.0.1 only).", DefaultValueFactory = _ => 5080, HelpName = "N" };
        var input = FolderOption("--input", "input", "The folder with essay.md, site.yml and the contributions.");
        var theme = FolderOption("--theme", "theme", "The folder with layouts/ and assets/.");
        var output = FolderOption("--output", "output", "Where the site is written.");
        var allowUnanchored = AllowUnanchoredOption();
        var command = new Command("preview", "Build, serve on 127.0.0.1, rebuild on every change and reload the browser.") { port, input, theme, output, allowUnanchored };
        command.SetAction((result, token) => result.GetValue(port) is < 0 or > 65535
            ? Task.FromResult(BadUsage("--port must be between 0 and 65535"))
            : new PreviewCommand(consoles, result.GetValue(_quiet), result.GetValue(_verbose)).RunAsync(
            new BuildOptions(result.GetValue(input)!, result.GetValue(theme)!, result.GetValue(output)!) { AllowUnanchored = result.GetValue(allowUnanchored), Command = _command },
            result.GetValue(port), token));
        return command;
    }

    /// <summary>GitHub Actions sets GITHUB_ACTIONS=true: there, problems should land on the pull request's diff.</summary>
    private static DiagnosticFormat DefaultFormat() =>
        Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true" ? DiagnosticFormat.Github : DiagnosticFormat.Text;

    private async Task<int> BuildAsync(BuildOptions options, ParseResult result, CancellationToken token, DiagnosticFormat format = DiagnosticFormat.Text, bool fix = false, bool fixSources = false)
    {
        var quiet = result.GetValue(_quiet);
        var verbose = result.GetValue(_verbose);
        var clock = Stopwatch.StartNew();
        var build = await SiteBuilder.BuildAsync(options, token).ConfigureAwait(false);
        clock.Stop();
        switch (format)
        {
            case DiagnosticFormat.Json:
                // Machine output goes to standard output, whole, and nothing else does.
                await consoles.OutWriter.WriteLineAsync(JsonDiagnostics.Format(build.Diagnostics)).ConfigureAwait(false);
                return build.Succeeded ? ExitCodes.Success : ExitCodes.InputErrors;
            case DiagnosticFormat.Github:
                foreach (var diagnostic in build.Diagnostics)
                {
                    await consoles.OutWriter.WriteLineAsync(GithubAnnotations.Format(diagnostic)).ConfigureAwait(false);
                }

                break;
            default:
                if (build.Diagnostics.Count > 0)
                {
                    new DiagnosticPrinter(consoles.Error).Print(build.Diagnostics);
                }

                break;
        }
        if (fix)
        {
            FixNotes(build.Repairs);
        }

        if (fixSources)
        {
            SourceFixes.Apply(build.Diagnostics, consoles.Error);
        }

        if (verbose)
        {
            foreach (var path in build.Written)
            {
                consoles.Out.Line("  wrote ", new Styled($"{options.Output}/{path}", ConsoleText.Dim));
            }
        }

        if (!build.Succeeded)
        {
            consoles.Error.Line(
                new Styled(Plural(build.ErrorCount, "error"), ConsoleText.Red),
                $"{(build.WarningCount > 0 ? $", {Plural(build.WarningCount, "warning")}" : string.Empty)}; " +
                (options.Write ? "nothing was written." : "the input needs fixing."));
            return ExitCodes.InputErrors;
        }

        if (!quiet)
        {
            if (options.Write)
            {
                consoles.Out.Line(new Styled("Built", ConsoleText.Green), $" {Plural(build.Written.Count, "file")} into {options.Output}/ in {clock.ElapsedMilliseconds} ms.");
            }
            else
            {
                consoles.Out.Line(
                    new Styled("Checked", ConsoleText.Green),
                    $": no errors{(build.WarningCount > 0 ? $", {Plural(build.WarningCount, "warning")}" : string.Empty)} ({clock.ElapsedMilliseconds} ms).");
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>Writes each re-anchored note's new selector into its file and says which files changed (on standard error, so machine output stays clean).</summary>
    private void FixNotes(IReadOnlyList<NoteRepair> repairs)
    {
        foreach (var repair in repairs)
        {
            var changed = NoteFileFixer.Apply(repair);
            consoles.Error.Line(new Styled("fixed", ConsoleText.Green), $" {repair.DisplayPath}: {string.Join(", ", changed)} written for essay-version {repair.EssayVersion}");
        }
    }

    private int BadUsage(params string[] messages)
    {
        // System.CommandLine's messages may run over several lines ("Must be one of: …"); each is printed as a line,
        // since the console shows a line break inside one as an escape.
        foreach (var message in messages)
        {
            var lines = message.ReplaceLineEndings("\n").Split('\n');
            consoles.Error.Line(new Styled("error:", ConsoleText.Red), $" {lines[0]}");
            foreach (var line in lines.Skip(1).Where(l => l.Trim().Length > 0))
            {
                consoles.Error.Line("    " + line.Trim());
            }
        }

        consoles.Error.Line("Run ", new Styled(_command.With("--help"), ConsoleText.Bold), " for usage.");
        return ExitCodes.BadUsage;
    }

    internal static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}

using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Marginalia.Annotations;
using Marginalia.Diagnostics;
using Marginalia.Importing;

namespace Marginalia.Cli;

/// <summary><c>marginalia import FILE…</c>: annotations drafted elsewhere become note files.</summary>
internal sealed class ImportCommand(CliConsoles consoles, Func<DiagnosticFormat> defaultFormat, CommandName? command = null)
{
    private readonly CommandName _command = command ?? CommandName.Default;

    public Command Create(Option<bool> quiet, Option<bool> verbose)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "W3C Web Annotation JSON-LD (one annotation, a collection with its pages, or an array) or a Hypothesis API response.",
            Arity = ArgumentArity.OneOrMore,
        };
        var input = new Option<string>("--input") { Description = "The folder with essay.md, annotations/ and questions/.", DefaultValueFactory = _ => "input", HelpName = "DIR" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the files it would write, and write nothing." };
        var update = new Option<bool>("--update") { Description = "Replace a note file that holds the same note (same id, or same quote, author and day)." };
        var author = new Option<string?>("--author") { Description = "The GitHub handle for annotations that name no author, or one that is not a handle.", HelpName = "HANDLE" };
        var kind = new Option<string?>("--kind")
        {
            Description = "The kind of a note that neither a tag nor its motivation decides: context (default), source, fact-check, counterpoint or translation.",
            HelpName = "KIND",
        };
        kind.AcceptOnlyFromAmong([.. NoteKinds.FileNames]);
        var format = new Option<DiagnosticFormat?>("--format")
        {
            Description = "text (default), json, or github (workflow commands; the default under GitHub Actions).",
            HelpName = "text|json|github",
        };
        var import = new Command("import", "Bring annotations made elsewhere (W3C Web Annotation, Hypothesis) in as note files, each placed on the essay and checked.")
        {
            files, input, dryRun, update, author, kind, format,
        };
        import.SetAction(result =>
        {
            if (result.GetValue(author) is { } handle && !Contributions.Contributors.IsGitHubHandle(handle))
            {
                consoles.Error.Line(new Styled("error:", ConsoleText.Red), $" --author '{handle}' is not a GitHub handle (letters, digits, single hyphens)");
                return ExitCodes.BadUsage;
            }

            var request = new ImportRequest(result.GetValue(input)!, result.GetValue(files)!)
            {
                DryRun = result.GetValue(dryRun),
                Update = result.GetValue(update),
                Author = result.GetValue(author),
                DefaultKind = NoteKinds.Parse(result.GetValue(kind) ?? "context")!.Value,
            };
            var report = Importer.Run(request);
            return Print(report, request, result.GetValue(format) ?? defaultFormat(), result.GetValue(quiet), result.GetValue(verbose));
        });
        return import;
    }

    private int Print(ImportReport report, ImportRequest request, DiagnosticFormat format, bool quiet, bool verbose)
    {
        var exit = report.HasErrors ? ExitCodes.InputErrors : ExitCodes.Success;
        switch (format)
        {
            case DiagnosticFormat.Json:
                consoles.OutWriter.WriteLine(ImportJson.Format(report, request.DryRun));
                return exit;
            case DiagnosticFormat.Github:
                foreach (var diagnostic in report.Diagnostics)
                {
                    consoles.OutWriter.WriteLine(GithubAnnotations.Format(diagnostic));
                }

                break;
            default:
                new DiagnosticPrinter(consoles.Error).Print(quiet ? report.Diagnostics.Where(d => d.Severity != Severity.Info) : report.Diagnostics);
                break;
        }

        var verb = request.DryRun ? "Would write" : "Wrote";
        foreach (var file in quiet ? [] : report.Files)
        {
            var what = file.Status == ImportStatus.Updated ? (request.DryRun ? "Would update" : "Updated") : verb;
            consoles.Out.Line(new Styled(what, ConsoleText.Green), " ", new Styled(file.DisplayPath, ConsoleText.Bold), new Styled($"  from {file.From}", ConsoleText.Dim));
            if (verbose || request.DryRun)
            {
                foreach (var line in file.Text.TrimEnd().Split('\n'))
                {
                    consoles.Out.Line(new Styled("    " + line, ConsoleText.Dim));
                }
            }
        }

        if (!quiet || report.HasErrors)
        {
            consoles.Out.Line(Summary(report, request));
            if (report.Written + report.Updated > 0 && !request.DryRun)
            {
                consoles.Out.Line("Next: read the new notes, then run ", new Styled(_command.With("check"), ConsoleText.Bold),
                    request.Input == "input" ? "." : $" --input {request.Input}.");
            }
        }

        return exit;
    }

    internal static string Summary(ImportReport report, ImportRequest request) =>
        request.DryRun
            ? $"Dry run, nothing written: {CliApp.Plural(report.Annotations, "annotation")} read from {CliApp.Plural(request.Files.Count, "file")}: " +
              $"{report.Written} to write, {report.Updated} to update, {report.Skipped} skipped, {report.Orphaned} orphaned, {report.Rejected} rejected."
            : $"{CliApp.Plural(report.Annotations, "annotation")} read from {CliApp.Plural(request.Files.Count, "file")}: " +
              $"{report.Written} written, {report.Updated} updated, {report.Skipped} skipped, {report.Orphaned} orphaned, {report.Rejected} rejected.";
}

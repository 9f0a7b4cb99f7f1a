using System.CommandLine;
using Marginalia.Diagnostics;
using Marginalia.Questions;
using Marginalia.Scaffolding;
using Marginalia.Text;

namespace Marginalia.Cli;

/// <summary><c>marginalia new annotation|term|initiative</c>: writes a correctly filled file to start from.</summary>
/// <param name="consoles">Where results and problems are printed.</param>
/// <param name="clock">Today's date for <c>created</c>.</param>
/// <param name="gitHubUser">The handle to use when <c>--author</c> is not given (by default <c>git config github.user</c>).</param>
/// <param name="command">How the user started marginalia, named in the next step and in usage hints.</param>
internal sealed class NewCommand(CliConsoles consoles, TimeProvider? clock = null, Func<string?>? gitHubUser = null, CommandName? command = null)
{
    private readonly CommandName _command = command ?? CommandName.Default;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Func<string?> _gitHubUser = gitHubUser ?? GitConfig.GitHubUser;

    public Command Create() => new("new", "Write a correctly filled annotation, glossary term, initiative or discussion question file to start from.")
    {
        AnnotationCommand(),
        TermCommand(),
        InitiativeCommand(),
        QuestionCommand(),
    };

    private static Option<string> InputOption() =>
        new("--input") { Description = "The folder with essay.md and the contributions.", DefaultValueFactory = _ => "input", HelpName = "DIR" };

    private static Option<string?> IdOption(string what) =>
        new("--id") { Description = $"The file name and permanent id (lowercase words joined by hyphens); by default a slug of the {what}'s first words.", HelpName = "ID" };

    private static Option<string?> AuthorOption() =>
        new("--author") { Description = "Your GitHub handle; by default git config github.user.", HelpName = "HANDLE" };

    private Command AnnotationCommand()
    {
        var quote = new Option<string>("--quote") { Description = "The passage the note is about, copied from the essay.", Required = true, HelpName = "TEXT" };
        var id = IdOption("quote");
        var kind = new Option<string?>("--kind") { Description = "context (default), source, fact-check, counterpoint or translation.", HelpName = "KIND" };
        var occurrence = new Option<int?>("--occurrence") { Description = "When the quote occurs more than once, which place to anchor at (1 = the first, the default).", HelpName = "N" };
        var author = AuthorOption();
        var input = InputOption();
        var command = new Command("annotation", "Write input/annotations/<id>.md for a passage of the essay.") { quote, id, kind, occurrence, author, input };
        command.SetAction(result => Run(result.GetValue(input)!, result.GetValue(author), (index, handle) => AnnotationScaffold.Create(
            index, new AnnotationRequest(result.GetValue(quote)!, result.GetValue(id), result.GetValue(kind), handle, result.GetValue(occurrence), _command), _clock),
            "write the note below the front matter (and its sources)"));
        return command;
    }

    private Command TermCommand()
    {
        var term = new Option<string>("--term") { Description = "The word or phrase, as the essay writes it.", Required = true, HelpName = "TEXT" };
        var id = IdOption("term");
        var matchCase = new Option<string?>("--case") { Description = "sensitive (for acronyms) or insensitive (the default).", HelpName = "sensitive|insensitive" };
        matchCase.AcceptOnlyFromAmong("sensitive", "insensitive");
        var author = AuthorOption();
        var input = InputOption();
        var command = new Command("term", "Write input/glossary/<id>.md for a term the essay uses.") { term, id, matchCase, author, input };
        command.SetAction(result => Run(result.GetValue(input)!, result.GetValue(author), (index, handle) => TermScaffold.Create(
            index, new TermRequest(result.GetValue(term)!, result.GetValue(id), result.GetValue(matchCase), handle), _clock),
            "write the one-sentence 'short' definition and the entry below the front matter"));
        return command;
    }

    private Command InitiativeCommand()
    {
        var name = new Option<string>("--name") { Description = "The initiative's name.", Required = true, HelpName = "TEXT" };
        var mention = new Option<string[]>("--mention")
        {
            Description = "A phrase the essay uses for it, copied from the essay (repeat for several).",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
            HelpName = "TEXT",
        };
        var id = IdOption("name");
        var author = AuthorOption();
        var input = InputOption();
        var command = new Command("initiative", "Write input/initiatives/<id>.md for an initiative the essay names.") { name, mention, id, author, input };
        command.SetAction(result => Run(result.GetValue(input)!, result.GetValue(author), (index, handle) => InitiativeScaffold.Create(
            index, new InitiativeRequest(result.GetValue(name)!, result.GetValue(mention) ?? [], result.GetValue(id), handle), _clock),
            "write the summary, the facts (kind, region, started, url) and the page below the front matter"));
        return command;
    }

    private Command QuestionCommand()
    {
        var question = new Option<string>("--question") { Description = "The question for a reading group or class, ending with '?'.", Required = true, HelpName = "TEXT" };
        var quote = new Option<string>("--quote") { Description = "The passage the question is about, or the heading of its section, copied from the essay.", Required = true, HelpName = "TEXT" };
        var id = IdOption("question");
        var level = new Option<string?>("--level") { Description = "introductory or advanced; left out, the question suits any group.", HelpName = "LEVEL" };
        var occurrence = new Option<int?>("--occurrence") { Description = "When the quote occurs more than once, which place to anchor at (1 = the first, the default).", HelpName = "N" };
        var author = AuthorOption();
        var input = InputOption();
        var command = new Command("question", "Write input/questions/<id>.md: a discussion question on a passage or section of the essay.") { question, quote, id, level, occurrence, author, input };
        command.SetAction(result => Run(result.GetValue(input)!, result.GetValue(author), (index, handle) => QuestionScaffold.Create(
            index, new QuestionRequest(result.GetValue(question)!, result.GetValue(quote)!, result.GetValue(id), result.GetValue(level), handle, result.GetValue(occurrence)), _clock),
            "add hints for a discussion leader below the front matter if you like, and sources for any fact they state"));
        return command;
    }

    private int Run(string input, string? author, Func<TextIndex, string, ScaffoldResult> create, string nextStep)
    {
        var handle = author ?? _gitHubUser();
        if (handle is null)
        {
            return Problem(new ScaffoldProblem(ProblemKind.Usage, "who is the author? give your GitHub handle with --author",
                "or set it once for every repository: git config --global github.user HANDLE"));
        }

        var diagnostics = new DiagnosticBag();
        var essayPath = Path.Combine(input, "essay.md");
        var index = EssayText.Load(Path.GetFullPath(essayPath), essayPath, diagnostics);
        if (index is null)
        {
            new DiagnosticPrinter(consoles.Error).Print(diagnostics.Sorted());
            consoles.Error.Line(new Styled("error:", ConsoleText.Red), " the essay could not be read; nothing was written.");
            return ExitCodes.InputErrors;
        }

        var result = create(index, handle);
        if (result.Problem is { } problem)
        {
            return Problem(problem);
        }

        var scaffold = result.Scaffold!;
        var display = Path.Combine(input, scaffold.Folder, scaffold.Id + ".md");
        if (ScaffoldFile.Write(input, scaffold) is null)
        {
            return Problem(new ScaffoldProblem(ProblemKind.Input, $"{display} already exists; nothing was written",
                "edit that file, or choose another id with --id"));
        }

        foreach (var warning in scaffold.Warnings)
        {
            consoles.Error.Line(new Styled("warning:", ConsoleText.Yellow), $" {warning}");
        }

        foreach (var note in scaffold.Notes)
        {
            consoles.Out.Line(new Styled($"  {note}", ConsoleText.Dim));
        }

        consoles.Out.Line(new Styled("Wrote", ConsoleText.Green), " ", new Styled(display, ConsoleText.Bold));
        consoles.Out.Line($"Next: {nextStep}, then run ", new Styled(_command.With("check"), ConsoleText.Bold),
            input == "input" ? "." : $" --input {input}.");
        return ExitCodes.Success;
    }

    private int Problem(ScaffoldProblem problem)
    {
        consoles.Error.Line(new Styled("error:", ConsoleText.Red), $" {problem.Message}");
        if (problem.Hint is { } hint)
        {
            consoles.Error.Line("    ", new Styled("hint:", ConsoleText.Dim), $" {hint}");
        }

        if (problem.Kind == ProblemKind.Usage)
        {
            consoles.Error.Line("Run ", new Styled(_command.With("new --help"), ConsoleText.Bold), " for usage.");
            return ExitCodes.BadUsage;
        }

        return ExitCodes.InputErrors;
    }
}

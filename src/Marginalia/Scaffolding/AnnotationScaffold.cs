using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Marginalia.Annotations;
using Marginalia.Contributions;
using Marginalia.Diagnostics;
using Marginalia.Text;

namespace Marginalia.Scaffolding;

/// <summary>What <c>new annotation</c> was asked for.</summary>
/// <param name="Occurrence">Which place to anchor at (1-based) when the quote occurs more than once; the first when null.</param>
/// <param name="Command">How the user runs marginalia, named where the scaffold tells them to run <c>check</c>.</param>
internal sealed record AnnotationRequest(string Quote, string? Id, string? Kind, string Author, int? Occurrence = null, CommandName? Command = null);

/// <summary>
/// A note file to start from: the quote checked against the essay (with the shortest prefix or suffix when it
/// repeats), every field filled or shown commented, and a body that says what to write.
/// </summary>
internal static partial class AnnotationScaffold
{
    public const string Folder = "annotations";

    public static ScaffoldResult Create(TextIndex index, AnnotationRequest request, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(clock);
        if (string.IsNullOrWhiteSpace(request.Quote))
        {
            return ScaffoldResult.Fail(ProblemKind.Usage, "--quote is empty", "copy the passage the note is about from the essay");
        }

        if (request.Quote.Length > NoteParser.MaxQuoteLength)
        {
            return ScaffoldResult.Fail(ProblemKind.Usage, $"the quote is {request.Quote.Length} characters long; at most {NoteParser.MaxQuoteLength} are allowed",
                "quote the words the note is about, not a whole passage");
        }

        var kindName = request.Kind ?? NoteKind.Context.Name();
        if (NoteKinds.Parse(kindName) is not { } kind)
        {
            return ScaffoldResult.Fail(ProblemKind.Usage, $"--kind must be one of {string.Join(", ", NoteKinds.FileNames)}, not '{kindName}'",
                Suggestions.DidYouMean(kindName, NoteKinds.FileNames));
        }

        var (id, idProblem) = ScaffoldIds.Resolve(request.Id, request.Quote);
        if ((idProblem ?? ScaffoldIds.CheckAuthor(request.Author)) is { } problem)
        {
            return new ScaffoldResult(null, problem);
        }

        var (placement, found, placementProblem) = QuotePlacement.Find(index, request.Quote, request.Occurrence, "a note");
        if (placementProblem is not null)
        {
            return new ScaffoldResult(null, placementProblem);
        }

        var notes = ImmutableArray.CreateBuilder<string>();
        notes.AddRange(found);
        var warnings = ImmutableArray.CreateBuilder<string>();
        if (kind is NoteKind.Source or NoteKind.FactCheck)
        {
            warnings.Add($"a '{kind.Name()}' note needs sources: fill in the commented 'sources' block before running {(request.Command ?? CommandName.Default).With("check")}");
        }

        var text = new StringBuilder();
        text.Append("---\n");
        text.Append(placement!.YamlLines());
        text.Append("kind: ").Append(YamlText.Quote(kind.Name())).Append("   # ").Append(string.Join(" | ", NoteKinds.FileNames)).Append('\n');
        text.Append("author: ").Append(YamlText.Quote(request.Author)).Append("   # your GitHub handle\n");
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        text.Append("created: ").Append(YamlText.Date(today)).Append('\n');
        text.Append("# updated: ").Append(YamlText.Date(today)).Append("   # the date of your last revision, when you revise the note\n");
        text.Append("# lang: \"en\"   # the body's language (BCP 47), only when it is not the essay's\n");
        text.Append("essay-version: ").Append(YamlText.Quote(index.Version)).Append("   # written by marginalia new: the essay text the quote was checked against\n");
        text.Append("# sources:   # required for kind source and fact-check: a title and a url (https:// or http://) for each\n");
        text.Append("#   - title: \"" + Placeholders.SourceTitle + "\"\n");
        text.Append("#     url: \"https://…\"\n");
        text.Append("---\n");
        text.Append(Placeholders.NoteBody).Append('\n');
        return ScaffoldResult.Of(new Scaffold(Folder, id!, text.ToString(), notes.ToImmutable(), warnings.ToImmutable()));
    }

    internal static string Times(int count) => count switch
    {
        1 => "once",
        2 => "twice",
        _ => count.ToString(CultureInfo.InvariantCulture) + " times",
    };

    internal static string Ordinal(int n) => n switch
    {
        1 => "1st",
        2 => "2nd",
        3 => "3rd",
        _ => n.ToString(CultureInfo.InvariantCulture) + "th",
    };

    internal static string OneLine(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

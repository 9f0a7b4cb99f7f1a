using System.Collections.Immutable;
using System.Text;
using Marginalia.Diagnostics;
using Marginalia.Scaffolding;
using Marginalia.Text;

namespace Marginalia.Questions;

/// <summary>What <c>new question</c> was asked for.</summary>
/// <param name="Occurrence">Which place to anchor at (1-based) when the quote occurs more than once; the first when null.</param>
internal sealed record QuestionRequest(string Question, string Quote, string? Id, string? Level, string Author, int? Occurrence = null);

/// <summary>
/// A question file to start from: the question, its quote checked against the essay (with the shortest prefix or
/// suffix when it repeats), the level and sources shown commented, and no hints, which are optional.
/// </summary>
internal static class QuestionScaffold
{
    public static ScaffoldResult Create(TextIndex index, QuestionRequest request, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(clock);
        var question = request.Question.Trim();
        if (question.Length == 0)
        {
            return ScaffoldResult.Fail(ProblemKind.Usage, "--question is empty", "write the question a group is to discuss, ending with '?'");
        }

        if (string.IsNullOrWhiteSpace(request.Quote))
        {
            return ScaffoldResult.Fail(ProblemKind.Usage, "--quote is empty", "copy the passage, or the heading of the section, the question is about");
        }

        if (request.Level is { } level && QuestionLevels.Parse(level) is null)
        {
            return ScaffoldResult.Fail(ProblemKind.Usage, $"--level must be one of {string.Join(", ", QuestionLevels.Names)}, not '{level}'",
                Suggestions.DidYouMean(level, QuestionLevels.Names));
        }

        var (id, idProblem) = ScaffoldIds.Resolve(request.Id, question);
        if ((idProblem ?? ScaffoldIds.CheckAuthor(request.Author)) is { } problem)
        {
            return new ScaffoldResult(null, problem);
        }

        var (placement, notes, placementProblem) = QuotePlacement.Find(index, request.Quote, request.Occurrence, "a question");
        if (placementProblem is not null)
        {
            return new ScaffoldResult(null, placementProblem);
        }

        var warnings = question.EndsWith('?') ? ImmutableArray<string>.Empty : ["the question does not end with a question mark: check will warn until it does"];
        var text = new StringBuilder();
        text.Append("---\n");
        text.Append("question: ").Append(YamlText.Quote(question)).Append('\n');
        text.Append(placement!.YamlLines());
        text.Append(request.Level is { } chosen
            ? $"level: {YamlText.Quote(chosen)}   # {string.Join(" | ", QuestionLevels.Names)}\n"
            : $"# level: \"introductory\"   # {string.Join(" | ", QuestionLevels.Names)}; leave it out when the question suits any group\n");
        text.Append("author: ").Append(YamlText.Quote(request.Author)).Append("   # your GitHub handle\n");
        text.Append("created: ").Append(YamlText.Date(DateOnly.FromDateTime(clock.GetLocalNow().DateTime))).Append('\n');
        text.Append("# sources:   # when the question or its hints state a fact: a title and a url (https:// or http://) for each\n");
        text.Append("#   - title: \"…\"\n");
        text.Append("#     url: \"https://…\"\n");
        text.Append("---\n");
        return ScaffoldResult.Of(new Scaffold(QuestionsPipeline.Folder, id!, text.ToString(), [.. notes], warnings));
    }
}

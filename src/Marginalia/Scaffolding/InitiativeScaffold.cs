using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Marginalia.Contributions;
using Marginalia.Initiatives;
using Marginalia.Text;

namespace Marginalia.Scaffolding;

/// <summary>What <c>new initiative</c> was asked for.</summary>
internal sealed record InitiativeRequest(string Name, IReadOnlyList<string> Mentions, string? Id, string Author);

/// <summary>An initiative file to start from; every mention must be a phrase of the essay (matched with case, as the build does).</summary>
internal static class InitiativeScaffold
{
    public const string Folder = "initiatives";

    public static ScaffoldResult Create(TextIndex index, InitiativeRequest request, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(clock);
        var name = request.Name.Trim();
        if (name.Length == 0)
        {
            return ScaffoldResult.Fail(ProblemKind.Usage, "--name is empty", "give the initiative's name");
        }

        var asked = request.Mentions.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (asked.Count == 0)
        {
            return ScaffoldResult.Fail(ProblemKind.Usage, "give at least one --mention: a phrase the essay uses for it");
        }

        var (id, idProblem) = ScaffoldIds.Resolve(request.Id, name);
        if ((idProblem ?? ScaffoldIds.CheckAuthor(request.Author)) is { } problem)
        {
            return new ScaffoldResult(null, problem);
        }

        var found = WordMatcher.FindAll(index, [.. asked.Select((m, i) => new WordPhrase(i, m, CaseSensitive: true))]);
        var mentions = new List<string>();
        var notes = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < asked.Count; i++)
        {
            var first = found.Where(m => m.Owner == i).OrderBy(m => m.Start).FirstOrDefault();
            if (first is null)
            {
                return ScaffoldResult.Fail(ProblemKind.Input, $"the mention '{asked[i]}' is not in the essay", ClosestPassage.Hint(index, Folding.FoldPhrase(asked[i])));
            }

            var count = found.Count(m => m.Owner == i);
            mentions.Add(index.Text[first.Start..first.End]);
            notes.Add($"'{asked[i]}' occurs {AnnotationScaffold.Times(count)}, first in ¶ {first.Block.Id}");
        }

        var text = new StringBuilder();
        text.Append("---\n");
        text.Append("name: ").Append(YamlText.Quote(name)).Append('\n');
        text.Append("mentions: ").Append(YamlText.List(mentions)).Append("   # phrases copied from the essay, matched with case\n");
        text.Append("# kind: \"programme\"   # what it is: programme, law, research-hub, …\n");
        text.Append("# region: India   # a country, a world region or Worldwide, or a list: [Kenya, Rwanda]; the initiatives page groups by the first\n");
        text.Append("# started: 2022   # the year it began\n");
        text.Append("# url: \"https://…\"   # the official site (https:// only)\n");
        text.Append("summary: ").Append(YamlText.Quote(Placeholders.InitiativeSummary)).Append("   # plain text, at most ").Append(InitiativeParser.MaxSummaryLength.ToString(CultureInfo.InvariantCulture)).Append(" characters\n");
        text.Append("author: ").Append(YamlText.Quote(request.Author)).Append("   # your GitHub handle\n");
        text.Append("created: ").Append(YamlText.Date(DateOnly.FromDateTime(clock.GetLocalNow().DateTime))).Append('\n');
        text.Append("# sources:   # a title and a url (https:// or http://) for each\n");
        text.Append("#   - title: \"" + Placeholders.SourceTitle + "\"\n");
        text.Append("#     url: \"https://…\"\n");
        text.Append("---\n");
        text.Append(Placeholders.InitiativeBody).Append('\n');
        return ScaffoldResult.Of(new Scaffold(Folder, id!, text.ToString(), notes.ToImmutable(), []));
    }
}

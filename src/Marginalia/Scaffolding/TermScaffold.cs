using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Marginalia.Contributions;
using Marginalia.Glossary;
using Marginalia.Text;

namespace Marginalia.Scaffolding;

/// <summary>What <c>new term</c> was asked for; <paramref name="Case"/> is <c>sensitive</c>, <c>insensitive</c> or null.</summary>
internal sealed record TermRequest(string Term, string? Id, string? Case, string Author);

/// <summary>A glossary file to start from; a term the essay never uses is written anyway, with a warning.</summary>
internal static class TermScaffold
{
    public const string Folder = "glossary";

    public static ScaffoldResult Create(TextIndex index, TermRequest request, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(clock);
        var term = request.Term.Trim();
        if (term.Length == 0)
        {
            return ScaffoldResult.Fail(ProblemKind.Usage, "--term is empty", "give the word or phrase as the essay writes it");
        }

        if (request.Case is not (null or "sensitive" or "insensitive"))
        {
            return ScaffoldResult.Fail(ProblemKind.Usage, $"--case must be 'sensitive' or 'insensitive', not '{request.Case}'");
        }

        var (id, idProblem) = ScaffoldIds.Resolve(request.Id, term);
        if ((idProblem ?? ScaffoldIds.CheckAuthor(request.Author)) is { } problem)
        {
            return new ScaffoldResult(null, problem);
        }

        var caseSensitive = request.Case == "sensitive";
        var warnings = ImmutableArray.CreateBuilder<string>();
        var uses = WordMatcher.FindAll(index, [new WordPhrase(0, term, caseSensitive)]);
        if (uses.Count == 0)
        {
            warnings.Add($"the essay never uses '{term}'{(caseSensitive ? " (with this case)" : string.Empty)}; the build will warn too. " +
                ClosestPassage.Hint(index, Folding.FoldPhrase(term)));
        }

        var notes = ImmutableArray.CreateBuilder<string>();
        if (uses.Count > 0)
        {
            notes.Add($"the essay uses '{term}' {AnnotationScaffold.Times(uses.Count)}");
        }

        var text = new StringBuilder();
        text.Append("---\n");
        text.Append("term: ").Append(YamlText.Quote(term)).Append('\n');
        text.Append("# aliases: [\"…\"]   # other forms the essay uses: plurals, hyphenated forms, the full name of an acronym\n");
        text.Append(caseSensitive ? "case: \"sensitive\"   # matched with case (for acronyms)\n"
            : request.Case is null ? "# case: \"sensitive\"   # for acronyms; otherwise the term matches in any case\n"
            : "case: \"insensitive\"   # matched in any case; \"sensitive\" for acronyms\n");
        text.Append("short: ").Append(YamlText.Quote(Placeholders.TermShort)).Append("   # plain text, at most ").Append(TermParser.MaxShortLength.ToString(CultureInfo.InvariantCulture)).Append(" characters\n");
        text.Append("author: ").Append(YamlText.Quote(request.Author)).Append("   # your GitHub handle\n");
        text.Append("created: ").Append(YamlText.Date(DateOnly.FromDateTime(clock.GetLocalNow().DateTime))).Append('\n');
        text.Append("# sources:   # a title and a url (https:// or http://) for each\n");
        text.Append("#   - title: \"" + Placeholders.SourceTitle + "\"\n");
        text.Append("#     url: \"https://…\"\n");
        text.Append("---\n");
        text.Append(Placeholders.TermBody).Append('\n');
        return ScaffoldResult.Of(new Scaffold(Folder, id!, text.ToString(), notes.ToImmutable(), warnings.ToImmutable()));
    }
}

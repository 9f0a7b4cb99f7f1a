using System.Collections.Immutable;
using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Extensions;
using Marginalia.Markup;
using Marginalia.Text;

namespace Marginalia.Initiatives;

/// <summary>
/// Finds every initiative mention with the glossary's machinery (one automaton pass, whole words) but matched with
/// case, like note quotes; links the first mention per section (or as <c>initiatives.link</c> says) outside headings,
/// links and code. A mention found nowhere is an error with the closest passage.
/// </summary>
internal static class MentionMatcher
{
    public const string LinkClass = MarkupNames.Mention;

    /// <summary>
    /// Every mention of the files' initiatives on the essay's text, longest first where they overlap, reporting each
    /// mention found nowhere. It reads only the text, so it may run beside other kinds' searches.
    /// </summary>
    public static List<WordMatch> Find(TextIndex index, IReadOnlyList<InitiativeFile> files, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var phrases = files.SelectMany((f, i) => f.Initiative.Mentions.Select(m => new WordPhrase(i, m, CaseSensitive: true))).ToList();
        var found = WordMatcher.FindAll(index, phrases);
        ReportMissing(index, files, found, diagnostics);
        return WordMatcher.LeftmostLongest(found);
    }

    /// <summary>Which of the mentions <see cref="Find"/> found to link (outside headings, links and code), and each initiative's uses.</summary>
    public static (List<LinkRange> Links, ImmutableArray<InitiativeUse> Uses) Match(IReadOnlyList<InitiativeFile> files, List<WordMatch> all, MarkMode mode)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(all);
        var seen = new HashSet<(int Owner, string Scope)>();
        var chosen = all.Where(m => !Exclusions.IsExcluded(m.Block, m.Start, m.End) && Exclusions.CanWrap(m.Block, m.Start, m.End))
            .Where(m => mode == MarkMode.All || seen.Add((m.Owner, mode == MarkMode.First ? string.Empty : Exclusions.SectionOf(m.Block.Element))))
            .ToList();

        var links = chosen.Select(m =>
        {
            var initiative = files[m.Owner].Initiative;
            return new LinkRange(m.Start, m.End, document =>
            {
                var link = document.CreateElement("a");
                link.ClassName = LinkClass;
                link.SetAttribute("href", initiative.PagePath);
                return link;
            }, link =>
            {
                // The card it names, and the id the script finds it by, are the web page's.
                link.SetAttribute(MarkupNames.DataInitiative, initiative.Id);
                link.SetAttribute("aria-describedby", initiative.CardId);
            });
        }).ToList();

        var linked = chosen.Select(m => m.Owner).ToHashSet();

        // Each initiative's mentions in one pass over them, in the text's order (a pass per initiative was quadratic).
        var mentions = new List<Mention>?[files.Count];
        foreach (var m in all)
        {
            (mentions[m.Owner] ??= []).Add(new Mention(m.Start, m.End, m.Block.Id));
        }

        var uses = files.Select((file, i) => new InitiativeUse(file.Initiative, mentions[i] is { } own ? [.. own] : [], linked.Contains(i))).ToImmutableArray();
        return (links, uses);
    }

    private static void ReportMissing(TextIndex index, IReadOnlyList<InitiativeFile> files, List<WordMatch> found, DiagnosticBag diagnostics)
    {
        var present = found.Select(m => (m.Owner, m.Phrase.Phrase)).ToHashSet();
        var budget = WorkBudget.ForStage(); // every missing mention's closest-passage search, in file order
        for (var i = 0; i < files.Count; i++)
        {
            var initiative = files[i].Initiative;
            for (var m = 0; m < initiative.Mentions.Length; m++)
            {
                if (!present.Contains((i, initiative.Mentions[m])))
                {
                    diagnostics.Error(DiagnosticCodes.MentionNotFound, files[i].MentionAt[m], $"the mention '{FieldLimits.Shorten(initiative.Mentions[m])}' is not in the essay",
                        ClosestPassage.Hint(index, Folding.FoldPhrase(initiative.Mentions[m]), budget));
                }
            }
        }
    }
}

using System.Collections.Immutable;
using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Extensions;
using Marginalia.Markup;
using Marginalia.Text;

namespace Marginalia.Glossary;

/// <summary>
/// Finds every glossary term in the essay in one automaton pass (whole words, case rules, aliases, longest match
/// first), drops uses it may not mark (headings, links, code, initiative mentions), and keeps the first use per
/// section, the first use, or all, as the site's <c>glossary.mark</c> setting says.
/// </summary>
internal static class TermMatcher
{
    public const string LinkClass = MarkupNames.Term;

    /// <summary>Every use of the files' terms on the essay's text, longest first where they overlap. It reads only the text.</summary>
    public static List<WordMatch> Find(TextIndex index, IReadOnlyList<TermFile> files)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(files);
        var phrases = files.SelectMany((f, i) => f.Term.Forms.Select(form => new WordPhrase(i, form, f.Term.CaseSensitive))).ToList();
        return WordMatcher.LeftmostLongest(WordMatcher.FindAll(index, phrases));
    }

    /// <summary>Which of the uses <see cref="Find"/> found to mark, kept off the ranges kinds of higher precedence claimed (<paramref name="taken"/>).</summary>
    public static (List<LinkRange> Links, ImmutableArray<TermUse> Uses) Match(
        TextIndex index,
        IReadOnlyList<TermFile> files,
        List<WordMatch> all,
        MarkMode mode,
        IReadOnlyList<(int Start, int End)> taken,
        DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(taken);
        ArgumentNullException.ThrowIfNull(diagnostics);

        // Characters already claimed by initiative mentions, as a flat map: checking a match is then its own length.
        var claimed = new bool[index.Text.Length + 1];
        foreach (var (start, end) in taken)
        {
            Array.Fill(claimed, true, start, end - start);
        }

        var markable = all.Where(m => !Exclusions.IsExcluded(m.Block, m.Start, m.End)
                                      && !claimed.AsSpan(m.Start, m.End - m.Start).Contains(true)
                                      && Exclusions.CanWrap(m.Block, m.Start, m.End));
        var seen = new HashSet<(int Owner, string Scope)>();
        var chosen = markable.Where(m => mode == MarkMode.All || seen.Add((m.Owner, mode == MarkMode.First ? string.Empty : Exclusions.SectionOf(m.Block.Element)))).ToList();

        var links = chosen.Select(m =>
        {
            var term = files[m.Owner].Term;
            return new LinkRange(m.Start, m.End, document =>
            {
                var link = document.CreateElement("a");
                link.ClassName = LinkClass;
                link.SetAttribute("href", "glossary/index.html#" + term.Id);
                link.SetAttribute("role", "doc-glossref");
                return link;
            }, link =>
            {
                // The tooltip it names is the web page's (terms.js finds it by this, as assistive technology does).
                link.SetAttribute("aria-describedby", term.TipId);
            });
        }).ToList();

        var marked = chosen.Select(m => m.Owner).ToHashSet();

        // Each term's uses in one pass over them, in the text's order (a pass per term was quadratic: 500 terms at 1×).
        var own = new List<WordMatch>?[files.Count];
        foreach (var m in all)
        {
            (own[m.Owner] ??= []).Add(m);
        }

        var uses = files.Select((file, i) =>
        {
            var found = own[i] ?? [];
            var paragraphs = found.Where(m => m.Block.Element.LocalName == "p").Select(m => m.Block.Id).Distinct().ToImmutableArray();
            if (found.Count == 0)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.TermUnused, file.FormAt[0], $"the term '{Content.FieldLimits.Shorten(file.Term.Term)}' occurs nowhere in the essay",
                    "add the form the essay uses to 'aliases' (plural, other spelling), or remove the term"));
            }

            return new TermUse(file.Term, paragraphs, marked.Contains(i));
        }).ToImmutableArray();
        return (links, uses);
    }
}

using System.Globalization;
using Marginalia.Annotations.Reanchoring;
using Marginalia.Diagnostics;
using Marginalia.Text;

namespace Marginalia.Annotations;

/// <summary>
/// Finds every note's quote in the essay in one pass (an Aho–Corasick automaton over the folded quotes, run once over
/// the folded essay), then decides each note: found once, chosen by prefix/suffix, ambiguous, across blocks, or not
/// found — each problem reported at the note's own field with a hint the contributor can paste.
/// </summary>
internal static class QuoteMatcher
{
    // A stale note's first decision is thrown away: its hint is not worth a search.
    private static readonly WorkBudget NoSearch = new(0);

    /// <param name="allowUnanchored">Whether a note that cannot be placed again is a warning (listed as unanchored) rather than an error.</param>
    /// <param name="command">How the user runs marginalia, named in the hint to run <c>check --fix</c>.</param>
    public static QuoteMatches Match(TextIndex index, IReadOnlyList<NoteFile> notes, DiagnosticBag diagnostics, bool allowUnanchored = false, CommandName? command = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var folded = index.Folded;
        var patterns = notes.Select(n => Folding.FoldPhrase(n.Note.Quote)).ToList();
        var distinct = patterns.Distinct(StringComparer.Ordinal).ToList();
        var slot = distinct.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        var occurrences = distinct.Select(_ => new List<(int Start, int End)>()).ToList();
        foreach (var match in new PhraseAutomaton(distinct).FindAll(folded.Text))
        {
            occurrences[match.Phrase].Add((match.Start, match.End));
        }

        var anchors = new List<NoteAnchor>();
        var unanchored = new List<NoteFile>();

        // Shared by every note's approximate searches (re-anchoring, closest-passage hints), spent in file order.
        var budget = WorkBudget.ForStage();
        for (var n = 0; n < notes.Count; n++)
        {
            var file = notes[n];
            var stale = file.Note.EssayVersion is { } version && version != index.Version;
            var quiet = new DiagnosticBag();
            if (Decide(index, file, patterns[n], occurrences[slot[patterns[n]]], stale ? quiet : diagnostics, stale ? NoSearch : budget) is { } anchor)
            {
                anchors.Add(anchor);
            }
            else if (stale && Reanchor(index, file, diagnostics, allowUnanchored, command ?? CommandName.Default, budget) is { } moved)
            {
                anchors.Add(moved);
            }
            else if (stale)
            {
                unanchored.Add(file);
            }
        }

        return new QuoteMatches(anchors, unanchored);
    }

    /// <summary>Places a note written against an older essay again, with a warning naming the new quote; or reports it unanchored.</summary>
    private static NoteAnchor? Reanchor(TextIndex index, NoteFile file, DiagnosticBag diagnostics, bool allowUnanchored, CommandName command, WorkBudget budget)
    {
        var note = file.Note;
        var changed = $"the essay changed since this note was written (essay-version {note.EssayVersion}, now {index.Version})";
        var (placed, reason) = Reanchorer.Place(index, note.Quote, note.Prefix, note.Suffix, budget);
        if (placed is not null)
        {
            var selector = placed.Prefix is { } p ? $", prefix \"{p}\"" : placed.Suffix is { } s ? $", suffix \"{s}\"" : string.Empty;
            diagnostics.Warning(DiagnosticCodes.QuoteReanchored, file.QuoteAt,
                $"{changed}; the note now anchors in ¶ {placed.BlockId} on \"{placed.Quote}\"{selector}",
                $"run '{command.With("check --fix")}' to write the new quote and essay-version into the file, after reading the passage");
            return new NoteAnchor(file, placed.Start, placed.End, placed.BlockId) { Repair = placed };
        }

        var message = $"{changed} and the note could not be placed again: {reason}";
        var hint = $"{ClosestPassage.Hint(index, Folding.FoldPhrase(note.Quote), budget)}; update the quote, or build with --allow-unanchored to list the note as unanchored";
        if (allowUnanchored)
        {
            diagnostics.Warning(DiagnosticCodes.QuoteUnanchored, file.QuoteAt, message + "; it is listed under \"Unanchored\" on the notes page", hint);
        }
        else
        {
            diagnostics.Error(DiagnosticCodes.QuoteUnanchored, file.QuoteAt, message, hint);
        }

        return null;
    }

    /// <param name="found">The folded spans where the quote occurs.</param>
    private static NoteAnchor? Decide(TextIndex index, NoteFile file, string pattern, List<(int Start, int End)> found, DiagnosticBag diagnostics, WorkBudget budget)
    {
        var note = file.Note;
        var (within, across) = QuoteOccurrences.Split(index, found);
        if (within.Count == 0)
        {
            if (across.Count > 0)
            {
                diagnostics.Error(DiagnosticCodes.QuoteCrossesBlocks, file.QuoteAt,
                    $"the quote runs from {Where(across[0].From)} into {Where(across[0].To)}; a note quotes within one paragraph or heading",
                    "shorten the quote to the part in one paragraph");
            }
            else
            {
                diagnostics.Error(DiagnosticCodes.QuoteNotFound, file.QuoteAt, "the quote is not in the essay", ClosestPassage.Hint(index, pattern, budget));
            }

            return null;
        }

        var prefix = note.Prefix is null ? null : Folding.FoldPhrase(note.Prefix);
        var suffix = note.Suffix is null ? null : Folding.FoldPhrase(note.Suffix);
        var chosen = within.Where(o => QuoteOccurrences.Fits(index.Folded, o, prefix, suffix)).ToList();
        if (chosen.Count == 1)
        {
            return new NoteAnchor(file, chosen[0].Start, chosen[0].End, chosen[0].Block.Id);
        }

        var places = Places(within.Select(o => o.Block));
        if (chosen.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.PrefixSuffixMismatch, file.SelectorAt,
                $"the quote occurs {Times(within.Count)} ({places}) but the prefix/suffix matches none of them",
                Proposal(index, within, 0) is { } fix ? $"to anchor at the first, {fix}" : "copy the prefix/suffix from the essay");
            return null;
        }

        var proposals = Enumerable.Range(0, Math.Min(chosen.Count, 3))
            .Select(i => Proposal(index, chosen, i) is { } fix ? $"for the {Ordinal(i + 1)} ({Where(chosen[i].Block)}), {fix}" : null)
            .OfType<string>()
            .ToList();
        diagnostics.Error(DiagnosticCodes.QuoteAmbiguous, file.QuoteAt,
            $"the quote occurs {Times(chosen.Count)} ({Places(chosen.Select(o => o.Block))}); add a prefix or suffix to say which",
            proposals.Count > 0 ? string.Join("; ", proposals) : "the passages are identical; quote a longer passage");
        return null;
    }

    /// <summary>
    /// The shortest prefix or suffix, in whole words from the occurrence's own block, that no other occurrence shares;
    /// phrased as the line to paste into the front matter.
    /// </summary>
    private static string? Proposal(TextIndex index, List<QuoteOccurrence> occurrences, int which) =>
        QuoteOccurrences.Selector(index, occurrences, which) switch
        {
            { Prefix: { } prefix } => $"add prefix: \"{prefix}\"",
            { Suffix: { } suffix } => $"add suffix: \"{suffix}\"",
            _ => null,
        };

    private static string Where(TextBlock block) => $"¶ {block.Id}";

    /// <summary>"¶ a ×2, ¶ b": each block once, in order, with how often the quote is in it.</summary>
    private static string Places(IEnumerable<TextBlock> blocks)
    {
        var grouped = blocks.GroupBy(b => b.Id).Select(g => g.Count() > 1 ? $"{Where(g.First())} ×{g.Count()}" : Where(g.First())).ToList();
        return string.Join(", ", grouped.Take(5)) + (grouped.Count > 5 ? ", …" : string.Empty);
    }

    private static string Ordinal(int n) => n switch
    {
        1 => "1st",
        2 => "2nd",
        3 => "3rd",
        _ => n.ToString(CultureInfo.InvariantCulture) + "th",
    };

    private static string Times(int count) => count switch
    {
        2 => "twice",
        _ => count.ToString(CultureInfo.InvariantCulture) + " times",
    };

    /// <summary>One place a quote occurs: its plain span (trimmed), its folded span, and its block.</summary>
}

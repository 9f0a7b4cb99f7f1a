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
    private const int MaxProposalWords = 12;

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
        var (placed, reason) = Reanchorer.Place(index, note, budget);
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
        var (within, across) = Split(index, found);
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
        var chosen = within.Where(o => Fits(index.Folded, o, prefix, suffix)).ToList();
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
    /// Every place a quote occurs within one paragraph or heading (plain spans, in reading order) and, when it occurs
    /// more than once, the shortest prefix or suffix that picks each place out (both null when it occurs once, or when
    /// identical passages leave nothing to pick by). For tools that write notes; an empty list means not found, or
    /// found only across blocks.
    /// </summary>
    public static IReadOnlyList<(int Start, int End, string BlockId, string? Prefix, string? Suffix)> Locate(TextIndex index, string quote)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(quote);
        var pattern = Folding.FoldPhrase(quote);
        if (pattern.Length == 0)
        {
            return [];
        }

        var found = new PhraseAutomaton([pattern]).FindAll(index.Folded.Text).Select(m => (m.Start, m.End)).ToList();
        var (within, _) = Split(index, found);
        return [.. within.Select((o, i) =>
        {
            var selector = within.Count > 1 ? Selector(index, within, i) : null;
            return (o.Start, o.End, o.Block.Id, selector?.Prefix, selector?.Suffix);
        })];
    }

    /// <summary>The occurrences within one block, and the blocks each occurrence across blocks runs from and into.</summary>
    private static (List<Occurrence> Within, List<(TextBlock From, TextBlock To)> Across) Split(TextIndex index, List<(int Start, int End)> found)
    {
        var within = new List<Occurrence>();
        var across = new List<(TextBlock From, TextBlock To)>();
        foreach (var (foldedStart, foldedEnd) in found)
        {
            var (rawStart, rawEnd) = index.Folded.ToSource(foldedStart, foldedEnd);
            var (start, end) = Trim(index.Text, rawStart, rawEnd);
            var block = index.BlockAt(start);
            if (end <= block.End)
            {
                within.Add(new Occurrence(start, end, foldedStart, foldedEnd, block));
            }
            else
            {
                across.Add((block, index.BlockAt(end - 1)));
            }
        }

        return (within, across);
    }

    /// <summary>Whether the folded text just before/after an occurrence matches a folded prefix/suffix.</summary>
    /// <remarks>Compared on the folded text in place: no copying, so checking many occurrences stays cheap.</remarks>
    private static bool Fits(FoldedText folded, Occurrence occurrence, string? prefix, string? suffix) =>
        (prefix is null || folded.Text.AsSpan(0, occurrence.FoldedStart).TrimEnd(' ').EndsWith(prefix, StringComparison.Ordinal))
        && (suffix is null || folded.Text.AsSpan(occurrence.FoldedEnd).TrimStart(' ').StartsWith(suffix, StringComparison.Ordinal));

    /// <summary>
    /// The shortest prefix or suffix, in whole words from the occurrence's own block, that no other occurrence shares;
    /// phrased as the line to paste into the front matter.
    /// </summary>
    private static string? Proposal(TextIndex index, List<Occurrence> occurrences, int which) =>
        Selector(index, occurrences, which) switch
        {
            { Prefix: { } prefix } => $"add prefix: \"{prefix}\"",
            { Suffix: { } suffix } => $"add suffix: \"{suffix}\"",
            _ => null,
        };

    /// <summary>The shortest prefix or suffix (exactly one set), in whole words from the occurrence's own block, that no other occurrence shares.</summary>
    private static (string? Prefix, string? Suffix)? Selector(TextIndex index, List<Occurrence> occurrences, int which)
    {
        var (start, end, _, _, block) = occurrences[which];
        var others = occurrences.Where((_, i) => i != which).ToList();
        (string? Prefix, string? Suffix)? best = null;
        for (var words = 1; words <= MaxProposalWords && best is null; words++)
        {
            var prefix = LastWords(index.Text[block.Start..start], words);
            if (prefix is not null && !others.Any(o => Fits(index.Folded, o, Folding.FoldPhrase(prefix), null)))
            {
                best = (prefix, null);
            }

            var suffix = FirstWords(index.Text[end..block.End], words);
            if (suffix is not null && !others.Any(o => Fits(index.Folded, o, null, Folding.FoldPhrase(suffix)))
                && (best is null || suffix.Length < prefix!.Length))
            {
                best = (null, suffix);
            }
        }

        return best;
    }

    private static string? LastWords(string text, int count)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length < count ? null : string.Join(' ', words[^count..]);
    }

    private static string? FirstWords(string text, int count)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length < count ? null : string.Join(' ', words[..count]);
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

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
    private readonly record struct Occurrence(int Start, int End, int FoldedStart, int FoldedEnd, TextBlock Block);
}

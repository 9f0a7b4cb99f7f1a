using Marginalia.Annotations;
using Marginalia.Annotations.Export;
using Marginalia.Scaffolding;
using Marginalia.Text;

namespace Marginalia.Importing;

/// <summary>Where an imported annotation's quote is in the essay, written as <c>new</c> writes it.</summary>
/// <param name="Quote">The quote as it reads in the essay, on one line.</param>
/// <param name="Prefix">The shortest prefix that picks this place when the quote repeats; null otherwise.</param>
/// <param name="Suffix">The shortest suffix, when no prefix decides; null otherwise.</param>
internal sealed record ImportedPlace(string Quote, string? Prefix, string? Suffix, int Start, int End, string BlockId);

/// <summary>
/// Finds imported quotes in the essay. Positions decide between repeated quotes only when they count over our own
/// <c>essay.txt</c>; other tools (Hypothesis) count over a whole page, so there the quote's own prefix and suffix decide.
/// </summary>
/// <remarks>
/// Every quote of an import is looked for in one pass over the essay (Aho–Corasick, as the build matches notes): one
/// search per quote costs the essay's length each time, which at 2,000 notes on a 50,000-word essay is seconds.
/// </remarks>
internal sealed class ImportPlacement
{
    private readonly TextIndex _index;
    private readonly Dictionary<string, List<(int Start, int End)>> _found = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int[]? _utf16Offsets;

    /// <param name="quotes">The quotes the import holds, found all at once; any other is looked for when asked.</param>
    public ImportPlacement(TextIndex index, IEnumerable<string> quotes)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(quotes);
        _index = index;
        var patterns = quotes.Select(Folding.FoldPhrase).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        Search(patterns);
    }

    /// <summary>The target names our published plain text, so its positions count code points over it.</summary>
    public static bool TargetsEssayText(ImportedTarget target) =>
        target.Source is { } source && Uri.TryCreate(source, UriKind.Absolute, out var uri)
        && uri.AbsolutePath.EndsWith("/" + EssayTextFile.DefaultPath, StringComparison.Ordinal);

    /// <returns>
    /// The place, or why there is none and a hint. For a quote the essay does not have, <paramref name="closest"/> is
    /// the folded quote to name the closest passage of: that search is the caller's, in file order, on its budget.
    /// </returns>
    public (ImportedPlace? Place, string? Problem, string? Hint) Find(ImportedTarget target, out string? closest)
    {
        ArgumentNullException.ThrowIfNull(target);
        closest = null;
        var positions = TargetsEssayText(target) ? PositionOf(target) : null;
        var exact = target.Exact ?? (positions is { } span ? _index.Text[span.Start..span.End] : null);
        if (string.IsNullOrWhiteSpace(exact))
        {
            return (null, "the target has no quote (TextQuoteSelector) to place", "annotate a passage of the essay's text, not the page");
        }

        if (exact.Length > NoteParser.MaxQuoteLength)
        {
            return (null, $"the quote is {exact.Length} characters long; a note quotes at most {NoteParser.MaxQuoteLength}", "annotate the words the note is about");
        }

        var pattern = Folding.FoldPhrase(exact);
        var (within, across) = QuoteOccurrences.Split(_index, Matches(pattern));
        if (within.Count == 0)
        {
            if (across.Count > 0)
            {
                return (null, "the quote runs from one paragraph or heading into the next; a note quotes within one", "annotate the part in one paragraph");
            }

            closest = pattern;
            return (null, $"the quote \"{Shorten(exact)}\" is not in the essay", null);
        }

        var which = within.Count == 1 ? 0 : Choose(within, target, positions);
        if (which < 0)
        {
            var where = string.Join(", ", within.Select(p => "¶ " + p.Block.Id));
            return (null, $"the quote occurs {AnnotationScaffold.Times(within.Count)} ({where}) and nothing in the annotation tells which one it means",
                "give the annotation a prefix or suffix (the words just before or after the quote)");
        }

        var place = within[which];
        var selector = within.Count > 1 ? QuoteOccurrences.Selector(_index, within, which) : null;
        if (within.Count > 1 && selector is null)
        {
            return (null, $"the quote occurs {AnnotationScaffold.Times(within.Count)} in passages no prefix or suffix tells apart", "quote a longer passage");
        }

        var quote = AnnotationScaffold.OneLine(_index.Text[place.Start..place.End]);
        return (new ImportedPlace(quote, selector?.Prefix, selector?.Suffix, place.Start, place.End, place.Block.Id), null, null);
    }

    /// <summary>The hint for a quote not found: the closest passage, as <c>new</c> and <c>check</c> name it.</summary>
    public string Closest(string pattern, WorkBudget budget) => ClosestPassage.Hint(_index, pattern, budget);

    private void Search(List<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            _found[pattern] = [];
        }

        if (patterns.Count > 0)
        {
            foreach (var match in new PhraseAutomaton(patterns).FindAll(_index.Folded.Text))
            {
                _found[patterns[match.Phrase]].Add((match.Start, match.End));
            }
        }

        foreach (var pattern in patterns)
        {
            _found[pattern].Sort();
        }
    }

    // A quote made from positions alone was not in the batch; it is looked for once, then kept.
    private List<(int Start, int End)> Matches(string pattern)
    {
        lock (_lock)
        {
            if (!_found.TryGetValue(pattern, out var found))
            {
                Search([pattern]);
                found = _found[pattern];
            }

            return found;
        }
    }

    /// <summary>The UTF-16 span a position selector names in the essay's text, when it is a non-empty span inside it.</summary>
    private (int Start, int End)? PositionOf(ImportedTarget target)
    {
        if (target.Start is not { } start || target.End is not { } end || start < 0 || end <= start)
        {
            return null;
        }

        var offsets = _utf16Offsets ??= Utf16Offsets(_index.Text);
        return end < offsets.Length ? (offsets[start], offsets[end]) : null; // past the end: the quote alone decides
    }

    // Where each code point starts, in UTF-16 units, with the text's length last: built once for every annotation.
    private static int[] Utf16Offsets(string text)
    {
        var offsets = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            offsets.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        offsets.Add(text.Length);
        return [.. offsets];
    }

    // An exact position wins; then the occurrence whose surroundings agree longest with the annotation's prefix and
    // suffix. -1 when neither tells the occurrences apart.
    private int Choose(List<QuoteOccurrence> places, ImportedTarget target, (int Start, int End)? positions)
    {
        if (positions is { } span && places.FindIndex(p => p.Start == span.Start) is var at and >= 0)
        {
            return at;
        }

        var prefix = target.Prefix is null ? string.Empty : Folding.FoldPhrase(target.Prefix);
        var suffix = target.Suffix is null ? string.Empty : Folding.FoldPhrase(target.Suffix);
        var text = _index.Text;
        var scores = places.Select(p =>
        {
            var before = Folding.FoldPhrase(text[Math.Max(0, p.Start - (target.Prefix?.Length ?? 0) - 16)..p.Start]);
            var after = Folding.FoldPhrase(text[p.End..Math.Min(text.Length, p.End + (target.Suffix?.Length ?? 0) + 16)]);
            return CommonSuffix(before, prefix) + CommonPrefix(after, suffix);
        }).ToList();
        var best = scores.Max();
        return best > 0 && scores.Count(s => s == best) == 1 ? scores.IndexOf(best) : -1;
    }

    private static int CommonSuffix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[a.Length - 1 - n] == b[b.Length - 1 - n])
        {
            n++;
        }

        return n;
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }

        return n;
    }

    private static string Shorten(string text) => text.Length <= 80 ? AnnotationScaffold.OneLine(text) : AnnotationScaffold.OneLine(text[..77]) + "…";
}

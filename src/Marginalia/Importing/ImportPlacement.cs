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
/// Finds an imported quote in the essay. Positions decide between repeated quotes only when they count over our own
/// <c>essay.txt</c>; other tools (Hypothesis) count over a whole page, so there the quote's own prefix and suffix decide.
/// </summary>
internal static class ImportPlacement
{
    /// <summary>The target names our published plain text, so its positions count code points over it.</summary>
    public static bool TargetsEssayText(ImportedTarget target) =>
        target.Source is { } source && Uri.TryCreate(source, UriKind.Absolute, out var uri)
        && uri.AbsolutePath.EndsWith("/" + EssayTextFile.DefaultPath, StringComparison.Ordinal);

    /// <returns>The place, or why there is none and a hint (for a quote not found: the closest passage).</returns>
    public static (ImportedPlace? Place, string? Problem, string? Hint) Find(TextIndex index, ImportedTarget target, WorkBudget budget)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(target);
        var positions = TargetsEssayText(target) ? PositionOf(index, target) : null;
        var exact = target.Exact ?? (positions is { } span ? index.Text[span.Start..span.End] : null);
        if (string.IsNullOrWhiteSpace(exact))
        {
            return (null, "the target has no quote (TextQuoteSelector) to place", "annotate a passage of the essay's text, not the page");
        }

        if (exact.Length > NoteParser.MaxQuoteLength)
        {
            return (null, $"the quote is {exact.Length} characters long; a note quotes at most {NoteParser.MaxQuoteLength}", "annotate the words the note is about");
        }

        var places = QuoteOccurrences.Locate(index, exact);
        var pattern = Folding.FoldPhrase(exact);
        if (places.Count == 0)
        {
            return pattern.Length > 0 && index.Folded.Text.Contains(pattern, StringComparison.Ordinal)
                ? (null, "the quote runs from one paragraph or heading into the next; a note quotes within one", "annotate the part in one paragraph")
                : (null, $"the quote \"{Shorten(exact)}\" is not in the essay", ClosestPassage.Hint(index, pattern, budget));
        }

        var which = places.Count == 1 ? 0 : Choose(index, places, target, positions);
        if (which < 0)
        {
            var where = string.Join(", ", places.Select(p => "¶ " + p.BlockId));
            return (null, $"the quote occurs {AnnotationScaffold.Times(places.Count)} ({where}) and nothing in the annotation tells which one it means",
                "give the annotation a prefix or suffix (the words just before or after the quote)");
        }

        var place = places[which];
        if (places.Count > 1 && place.Prefix is null && place.Suffix is null)
        {
            return (null, $"the quote occurs {AnnotationScaffold.Times(places.Count)} in passages no prefix or suffix tells apart", "quote a longer passage");
        }

        var quote = AnnotationScaffold.OneLine(index.Text[place.Start..place.End]);
        return (new ImportedPlace(quote, place.Prefix, place.Suffix, place.Start, place.End, place.BlockId), null, null);
    }

    /// <summary>The UTF-16 span a position selector names in the essay's text, when it is a non-empty span inside it.</summary>
    private static (int Start, int End)? PositionOf(TextIndex index, ImportedTarget target)
    {
        if (target.Start is not { } start || target.End is not { } end || start < 0 || end <= start)
        {
            return null;
        }

        var text = new CodePointIndex(index.Text);
        if (end > text.Length)
        {
            return null; // past the end: the quote alone decides
        }

        return (Utf16Offset(index.Text, start), Utf16Offset(index.Text, end));
    }

    private static int Utf16Offset(string text, int codePoints)
    {
        var offset = 0;
        for (var i = 0; i < codePoints && offset < text.Length; i++)
        {
            offset += char.IsHighSurrogate(text[offset]) && offset + 1 < text.Length && char.IsLowSurrogate(text[offset + 1]) ? 2 : 1;
        }

        return offset;
    }

    // An exact position wins; then the occurrence whose surroundings agree longest with the annotation's prefix and
    // suffix. -1 when neither tells the occurrences apart.
    private static int Choose(TextIndex index, IReadOnlyList<(int Start, int End, string BlockId, string? Prefix, string? Suffix)> places,
        ImportedTarget target, (int Start, int End)? positions)
    {
        if (positions is { } span)
        {
            for (var i = 0; i < places.Count; i++)
            {
                if (places[i].Start == span.Start)
                {
                    return i;
                }
            }
        }

        var prefix = target.Prefix is null ? string.Empty : Folding.FoldPhrase(target.Prefix);
        var suffix = target.Suffix is null ? string.Empty : Folding.FoldPhrase(target.Suffix);
        var scores = places.Select(p =>
        {
            var before = Folding.FoldPhrase(index.Text[Math.Max(0, p.Start - (target.Prefix?.Length ?? 0) - 16)..p.Start]);
            var after = Folding.FoldPhrase(index.Text[p.End..Math.Min(index.Text.Length, p.End + (target.Suffix?.Length ?? 0) + 16)]);
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

using Marginalia.Annotations;
using Marginalia.Text;

namespace Marginalia.Scaffolding;

/// <summary>
/// A quote a contributor typed, checked against the essay as <c>new</c> writes it into a file: where it is, the
/// shortest prefix or suffix that picks one place when it repeats, and what to tell the contributor about it. Shared
/// by every kind that is placed by a quote (notes, discussion questions).
/// </summary>
internal sealed record QuotePlacement(string Quote, string? Prefix, string? Suffix, string BlockId, int Count, string Where)
{
    /// <param name="what">What the quote places ("a note"), for the messages.</param>
    /// <returns>The placement and what to tell the contributor, or the problem that stops the scaffold.</returns>
    public static (QuotePlacement? Placement, IReadOnlyList<string> Notes, ScaffoldProblem? Problem) Find(TextIndex index, string typed, int? occurrence, string what)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(typed);
        var places = QuoteOccurrences.Locate(index, typed);
        if (places.Count == 0)
        {
            var pattern = Folding.FoldPhrase(typed);
            return (null, [], index.Folded.Text.Contains(pattern, StringComparison.Ordinal)
                ? new ScaffoldProblem(ProblemKind.Input, $"the quote runs from one paragraph or heading into the next; {what} quotes within one", "shorten the quote to the part in one paragraph")
                : new ScaffoldProblem(ProblemKind.Input, "the quote is not in the essay", ClosestPassage.Hint(index, pattern)));
        }

        var which = occurrence ?? 1;
        if (which < 1 || which > places.Count)
        {
            return (null, [], new ScaffoldProblem(ProblemKind.Usage, $"--occurrence {which} is out of range: the quote occurs {AnnotationScaffold.Times(places.Count)}",
                $"give a number from 1 to {places.Count}"));
        }

        var place = places[which - 1];
        var where = string.Join(", ", places.Select(p => $"¶ {p.BlockId}"));
        if (places.Count > 1 && place.Prefix is null && place.Suffix is null)
        {
            return (null, [], new ScaffoldProblem(ProblemKind.Input, $"the quote occurs {AnnotationScaffold.Times(places.Count)} ({where}) in passages no prefix or suffix tells apart",
                "quote a longer passage"));
        }

        var notes = new List<string>();
        var quote = AnnotationScaffold.OneLine(index.Text[place.Start..place.End]);
        if (quote != AnnotationScaffold.OneLine(typed.Trim()))
        {
            notes.Add($"the quote is written as it reads in the essay: \"{quote}\"");
        }

        if (places.Count > 1)
        {
            var selector = place.Prefix is not null ? $"prefix \"{place.Prefix}\"" : $"suffix \"{place.Suffix}\"";
            notes.Add($"the quote occurs {AnnotationScaffold.Times(places.Count)} ({where}); the {selector} picks the {AnnotationScaffold.Ordinal(which)} (¶ {place.BlockId})" +
                (occurrence is null ? "; use --occurrence N for another" : string.Empty));
        }

        return (new QuotePlacement(quote, place.Prefix, place.Suffix, place.BlockId, places.Count, where), notes, null);
    }

    /// <summary>The <c>quote</c> line and, when the quote repeats, the <c>prefix</c> or <c>suffix</c> line that picks its place; commented ones otherwise.</summary>
    public string YamlLines()
    {
        var text = "quote: " + YamlText.Quote(Quote) + "\n";
        if (Count > 1)
        {
            var reason = $"   # the quote occurs {AnnotationScaffold.Times(Count)} ({Where}); this picks the one in ¶ {BlockId}";
            return text + (Prefix is not null ? $"prefix: {YamlText.Quote(Prefix)}{reason}\n" : $"suffix: {YamlText.Quote(Suffix!)}{reason}\n");
        }

        return text
            + "# prefix: \"…\"   # only when the quote occurs more than once: the words just before it\n"
            + "# suffix: \"…\"   # or the words just after it\n";
    }
}

namespace Marginalia.Text;

/// <summary>
/// Approximate string matching (Sellers' dynamic programme, as in <see cref="ClosestPassage"/>) that keeps every
/// place a phrase occurs within a bounded number of edits rather than only the best one, plus the distance of a
/// phrase from the end or the start of a text, for scoring how well a prefix or suffix still fits.
/// </summary>
internal static class ApproximateMatches
{
    /// <summary>
    /// Every non-overlapping span of <paramref name="text"/> within <paramref name="maxEdits"/> edits of
    /// <paramref name="phrase"/>: where spans overlap, the one with fewest edits (then the earliest) stands for them.
    /// Empty when the search would cost more than <see cref="ClosestPassage.MaxCells"/>.
    /// </summary>
    public static IReadOnlyList<(int Start, int End, int Distance)> Find(string phrase, string text, int maxEdits)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        ArgumentNullException.ThrowIfNull(text);
        var m = phrase.Length;
        if (m == 0 || text.Length == 0 || (long)m * text.Length > ClosestPassage.MaxCells)
        {
            return [];
        }

        var hits = Ends(phrase, text).Where(e => e.Distance <= maxEdits && e.Start < e.End).ToList();

        // Each run of overlapping hits is one place: keep its cheapest span.
        var places = new List<(int Start, int End, int Distance)>();
        foreach (var hit in hits)
        {
            if (places.Count > 0 && hit.Start < places[^1].End)
            {
                if (hit.Distance < places[^1].Distance)
                {
                    places[^1] = hit;
                }

                continue;
            }

            places.Add(hit);
        }

        return places;
    }

    /// <summary>
    /// Sellers' algorithm: for each position of <paramref name="text"/>, the fewest edits turning the whole phrase into
    /// some text ending there, and where that text starts. The caller checks the cost (m × n cells) first.
    /// </summary>
    internal static IEnumerable<(int Start, int End, int Distance)> Ends(string phrase, string text)
    {
        var m = phrase.Length;

        // cost[i]: edits to turn phrase[..i] into some text ending at the current position; origin[i]: where that text starts.
        var cost = new int[m + 1];
        var origin = new int[m + 1];
        var next = new int[m + 1];
        var nextOrigin = new int[m + 1];
        for (var i = 0; i <= m; i++)
        {
            cost[i] = i;
        }

        for (var j = 0; j < text.Length; j++)
        {
            next[0] = 0;
            nextOrigin[0] = j + 1;
            for (var i = 1; i <= m; i++)
            {
                var substitute = cost[i - 1] + (phrase[i - 1] == text[j] ? 0 : 1);
                var skipText = cost[i] + 1;
                var skipPhrase = next[i - 1] + 1;
                if (substitute <= skipText && substitute <= skipPhrase)
                {
                    next[i] = substitute;
                    nextOrigin[i] = i == 1 ? j : origin[i - 1];
                }
                else if (skipText <= skipPhrase)
                {
                    next[i] = skipText;
                    nextOrigin[i] = origin[i];
                }
                else
                {
                    next[i] = skipPhrase;
                    nextOrigin[i] = nextOrigin[i - 1];
                }
            }

            (cost, next) = (next, cost);
            (origin, nextOrigin) = (nextOrigin, origin);
            yield return (origin[m], j + 1, cost[m]);
        }
    }

    /// <summary>Fewest edits turning <paramref name="phrase"/> into some ending of <paramref name="text"/> (any start, fixed end).</summary>
    public static int ToEnd(string phrase, string text)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        ArgumentNullException.ThrowIfNull(text);
        var m = phrase.Length;
        var cost = new int[m + 1];
        var next = new int[m + 1];
        for (var i = 0; i <= m; i++)
        {
            cost[i] = i;
        }

        foreach (var ch in text)
        {
            next[0] = 0;
            for (var i = 1; i <= m; i++)
            {
                next[i] = Math.Min(Math.Min(cost[i] + 1, next[i - 1] + 1), cost[i - 1] + (phrase[i - 1] == ch ? 0 : 1));
            }

            (cost, next) = (next, cost);
        }

        return cost[m];
    }

    /// <summary>Fewest edits turning <paramref name="phrase"/> into some beginning of <paramref name="text"/>.</summary>
    public static int ToStart(string phrase, string text)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        ArgumentNullException.ThrowIfNull(text);
        return ToEnd(Reverse(phrase), Reverse(text));
    }

    private static string Reverse(string text)
    {
        var chars = text.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }
}

using System.Globalization;
using System.Text;

namespace Marginalia.Text;

/// <summary>
/// Folds text so that a quote typed on an ordinary keyboard matches the typeset essay: Unicode NFC, whitespace runs
/// to one space, typographic quotes and apostrophes to straight ones, and every dash (en, em, "--", a hyphen with
/// spaces round it) to one em dash with the spaces around it dropped ("skewed—most" and "skewed — most" fold alike).
/// Case is kept: "AI" and "ai" are different words. Zero-width characters and soft hyphens vanish.
/// </summary>
internal static class Folding
{
    public const char Dash = '—';

    /// <summary>Folds <paramref name="source"/> keeping the map back to it.</summary>
    public static FoldedText Fold(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = new StringBuilder(source.Length);
        var starts = new List<int>(source.Length);
        var ends = new List<int>(source.Length);
        var spaceAfterDash = false; // whitespace right after a dash belongs to the dash

        void Emit(char c, int start, int end)
        {
            text.Append(c);
            starts.Add(start);
            ends.Add(end);
        }

        void EmitDash(int start, int end)
        {
            // Whitespace before a dash is not part of the folded text: the dash absorbs it.
            if (text.Length > 0 && text[^1] == ' ')
            {
                start = starts[^1];
                text.Length--;
                starts.RemoveAt(starts.Count - 1);
                ends.RemoveAt(ends.Count - 1);
            }

            Emit(Dash, start, end);
            spaceAfterDash = true;
        }

        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (char.IsWhiteSpace(c))
            {
                var j = i;
                while (j < source.Length && char.IsWhiteSpace(source[j]))
                {
                    j++;
                }

                // Whitespace after a dash belongs to it, and whitespace after whitespace (with only invisible
                // characters between) is the same run; spaceAfterDash stays as it was until something visible.
                if (spaceAfterDash || (text.Length > 0 && text[^1] == ' '))
                {
                    ends[^1] = j;
                }
                else
                {
                    Emit(' ', i, j);
                }

                i = j;
                continue;
            }

            if (IsInvisible(c))
            {
                // Invisible (zero-width spaces and joiners, word joiner, BOM, soft hyphen): gone without a trace, so
                // whitespace after it still belongs to a dash before it ("— \u200D x" folds like "— x").
                i++;
                continue;
            }

            spaceAfterDash = false;
            switch (c)
            {
                case '“' or '”' or '„' or '‟' or '″' or '"':
                    Emit('"', i, i + 1);
                    i++;
                    continue;
                case '‘' or '’' or '‚' or '‛' or '′' or '\'':
                    Emit('\'', i, i + 1);
                    i++;
                    continue;
                case '–' or '—' or '―':
                    EmitDash(i, i + 1);
                    i++;
                    continue;
                case '-' when NextVisible(source, i + 1) is var second && second < source.Length && source[second] == '-':
                    EmitDash(i, second + 1);
                    i = second + 1;
                    continue;
                case '-' when PreviousVisible(source, i - 1) is var before && (before < 0 || char.IsWhiteSpace(source[before]))
                              && NextVisible(source, i + 1) is var after && (after == source.Length || char.IsWhiteSpace(source[after])):
                    EmitDash(i, i + 1);
                    i++;
                    continue;
            }

            // A base character with its combining marks (or a surrogate pair) is one unit: normalise it to NFC and
            // map every resulting character to the whole unit.
            var end = i + 1;
            if (char.IsHighSurrogate(c) && end < source.Length && char.IsLowSurrogate(source[end]))
            {
                end++;
            }

            // Invisible characters between a base and its marks do not part them (they are dropped from the unit).
            while (NextVisible(source, end) is var mark && mark < source.Length && IsCombining(source, mark))
            {
                end = mark + 1;
            }

            if (end - i == 1)
            {
                Emit(c, i, end);
            }
            else
            {
                var unit = string.Concat(source.AsSpan(i, end - i).ToArray().Where(u => !IsInvisible(u)));
                string normalised;
                try
                {
                    normalised = unit.IsNormalized(NormalizationForm.FormC) ? unit : unit.Normalize(NormalizationForm.FormC);
                }
                catch (ArgumentException)
                {
                    normalised = unit; // a lone surrogate (from a YAML "\uD800" escape) cannot be normalised: keep it as it is
                }

                foreach (var n in normalised)
                {
                    Emit(n, i, end);
                }
            }

            i = end;
        }

        return new FoldedText(source, text.ToString(), starts, ends);
    }

    /// <summary>The folded form alone, trimmed: how a quote, prefix or phrase is compared.</summary>
    public static string FoldPhrase(string phrase) => Fold(phrase).Text.Trim();

    // Zero-width spaces and joiners, word joiner, BOM, soft hyphen: folding drops them as if they were never there.
    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';

    private static int NextVisible(string source, int index)
    {
        while (index < source.Length && IsInvisible(source[index]))
        {
            index++;
        }

        return index;
    }

    private static int PreviousVisible(string source, int index)
    {
        while (index >= 0 && IsInvisible(source[index]))
        {
            index--;
        }

        return index;
    }

    private static bool IsCombining(string source, int index) =>
        CharUnicodeInfo.GetUnicodeCategory(source, index) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}

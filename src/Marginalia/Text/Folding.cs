using System.Globalization;
using System.Text;

namespace Marginalia.Text;

/// <summary>
/// Folds text so that a quote typed on an ordinary keyboard matches the typeset essay: Unicode NFC, whitespace runs
/// to one space, typographic quotes and apostrophes to straight ones, and every dash (en, em, "--", a hyphen with
/// spaces round it) to one em dash with the spaces around it dropped ("skewed—most" and "skewed — most" fold alike).
/// Case is kept: "AI" and "ai" are different words. Zero-width characters and soft hyphens vanish.
/// </summary>
public static class Folding
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

            if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD')
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
                case '-' when i + 1 < source.Length && source[i + 1] == '-':
                    EmitDash(i, i + 2);
                    i += 2;
                    continue;
                case '-' when (i == 0 || char.IsWhiteSpace(source[i - 1])) && (i + 1 == source.Length || char.IsWhiteSpace(source[i + 1])):
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

            while (end < source.Length && IsCombining(source, end))
            {
                end++;
            }

            if (end - i == 1)
            {
                Emit(c, i, end);
            }
            else
            {
                var unit = source.AsSpan(i, end - i);
                var normalised = unit.IsNormalized(NormalizationForm.FormC) ? unit.ToString() : unit.ToString().Normalize(NormalizationForm.FormC);
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

    private static bool IsCombining(string source, int index) =>
        CharUnicodeInfo.GetUnicodeCategory(source, index) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}

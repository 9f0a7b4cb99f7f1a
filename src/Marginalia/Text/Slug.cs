using System.Globalization;
using System.Text;

namespace Marginalia.Text;

/// <summary>URL- and selector-safe ids: lowercase ASCII letters, digits and single hyphens, nothing else.</summary>
internal static class Slug
{
    /// <summary>The first <paramref name="maxWords"/> words of <paramref name="text"/> as a slug (all words when null).</summary>
    public static string FromWords(string text, int? maxWords = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category == UnicodeCategory.NonSpacingMark || ch is '\'' or '’' or '‘')
            {
                continue; // "attachés" -> "attaches", "AI’s" -> "ais": a word stays one word
            }

            if (char.IsAsciiLetterOrDigit(ch))
            {
                word.Append(char.ToLowerInvariant(ch));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return string.Join('-', maxWords is { } max ? words.Take(max) : words);
    }
}

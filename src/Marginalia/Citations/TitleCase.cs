namespace Marginalia.Citations;

/// <summary>Sentence case for styles that want it (APA): only the first word, the first after a colon, and names keep their capital.</summary>
internal static class TitleCase
{
    /// <param name="properNouns">Words that keep their capital anywhere (names); all-capital words (AI, WTO) always do.</param>
    public static string Sentence(string title, IReadOnlySet<string> properNouns)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(properNouns);
        var words = title.Split(' ');
        var capitalNext = true;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (word.Length == 0)
            {
                continue;
            }

            if (!capitalNext && IsOnlyInitialCapital(word) && !properNouns.Contains(word.TrimEnd(',', '.', ':', ';', '?', '!')))
            {
                words[i] = char.ToLowerInvariant(word[0]) + word[1..];
            }

            capitalNext = word.EndsWith(':') || word.EndsWith('?') || word.EndsWith('!');
        }

        return string.Join(' ', words);
    }

    // "Agenda" yes; "AI", "iPhone", "McDonald" no: a word capitalised inside is a name or an acronym, kept as written.
    private static bool IsOnlyInitialCapital(string word) =>
        char.IsUpper(word[0]) && !word.Skip(1).Any(char.IsUpper);
}

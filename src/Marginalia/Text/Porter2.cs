using System.Text;

namespace Marginalia.Text;

/// <summary>
/// The Snowball English ("Porter2") stemmer, as published at snowballstem.org ("The English (Porter2) stemming
/// algorithm", Snowball 3.0: the R1 prefixes past, univers, later, emerg and organ, the short syllable "past", -ogist,
/// no undoubling after a lone a, e or o, and the -eed and -ing exceptions inside step 1b). Written from the
/// algorithm's description; theme/assets/search-terms.js holds the same algorithm line for line, because the index
/// is built here and queried in the browser, and a word stemmed differently on the two sides could never be found
/// (SearchTermsTests runs both over one word list). The input is a lower-case folded word; apostrophes count as
/// letters. Words of one or two letters are returned unchanged.
/// </summary>
internal static class Porter2
{
    // Whole words stemmed (or left) as the algorithm's exception list says, before anything else.
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
        ["skies"] = "sky",
        ["idly"] = "idl",
        ["gently"] = "gentl",
        ["ugly"] = "ugli",
        ["early"] = "earli",
        ["only"] = "onli",
        ["singly"] = "singl",
        ["sky"] = "sky",
        ["news"] = "news",
        ["howe"] = "howe",
        ["atlas"] = "atlas",
        ["cosmos"] = "cosmos",
        ["bias"] = "bias",
        ["andes"] = "andes",
    };

    // Words beginning so have R1 right after the prefix (generous/generate, universe/university, past/paste...).
    private static readonly string[] RegionPrefixes = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ"];

    // Each step's suffixes, longest first: a step acts on the longest suffix the word ends with, and only on it.
    private static readonly string[] Step0Suffixes = ["'s'", "'s", "'"];
    private static readonly string[] Step1aSuffixes = ["sses", "ied", "ies", "us", "ss", "s"];
    private static readonly string[] Step1bSuffixes = ["eedly", "ingly", "edly", "eed", "ing", "ed"];

    private static readonly string[] Step2Suffixes =
    [
        "ization", "ational", "fulness", "ousness", "iveness",
        "tional", "biliti", "lessli",
        "entli", "ation", "alism", "aliti", "ousli", "iviti", "fulli", "ogist",
        "enci", "anci", "abli", "izer", "ator", "alli",
        "bli", "ogi",
        "li",
    ];

    private static readonly string[] Step3Suffixes = ["ational", "tional", "alize", "icate", "iciti", "ative", "ical", "ness", "ful"];

    private static readonly string[] Step4Suffixes =
    [
        "ement",
        "ance", "ence", "able", "ible", "ment",
        "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion",
        "al", "er", "ic",
    ];

    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (Exceptions.TryGetValue(word, out var special))
        {
            return special;
        }

        if (word.Length < 3)
        {
            return word;
        }

        var w = new StringBuilder(word);
        if (w[0] == '\'')
        {
            w.Remove(0, 1);
        }

        var yFound = MarkConsonantYs(w);
        var (p1, p2) = Regions(w);

        Step1a(w);
        Step1b(w, p1);
        Step1c(w);
        Step2(w, p1);
        Step3(w, p1, p2);
        Step4(w, p2);
        Step5(w, p1, p2);

        if (yFound)
        {
            w.Replace('Y', 'y');
        }

        return w.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    // An initial y, and a y after a vowel, act as consonants: marked Y until the end.
    private static bool MarkConsonantYs(StringBuilder w)
    {
        var found = false;
        for (var i = 0; i < w.Length; i++)
        {
            if (w[i] == 'y' && (i == 0 || IsVowel(w[i - 1])))
            {
                w[i] = 'Y';
                found = true;
            }
        }

        return found;
    }

    // R1 starts after the first non-vowel that follows a vowel (or after one of the special prefixes); R2 the same
    // way inside R1. Both are start indices, the word's length when the region is empty.
    private static (int P1, int P2) Regions(StringBuilder w)
    {
        var text = w.ToString();
        int? p1 = null;
        foreach (var prefix in RegionPrefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                p1 = prefix.Length;
                break;
            }
        }

        p1 ??= AfterVowelAndNonVowel(text, 0);
        if (p1 is not { } start)
        {
            return (text.Length, text.Length);
        }

        return (start, AfterVowelAndNonVowel(text, start) ?? text.Length);
    }

    private static int? AfterVowelAndNonVowel(string text, int from)
    {
        var i = from;
        while (i < text.Length && !IsVowel(text[i]))
        {
            i++;
        }

        i++;
        while (i < text.Length && IsVowel(text[i]))
        {
            i++;
        }

        return i < text.Length ? i + 1 : null;
    }

    private static bool EndsWith(StringBuilder w, string suffix)
    {
        if (w.Length < suffix.Length)
        {
            return false;
        }

        var offset = w.Length - suffix.Length;
        for (var i = 0; i < suffix.Length; i++)
        {
            if (w[offset + i] != suffix[i])
            {
                return false;
            }
        }

        return true;
    }

    private static string? Longest(StringBuilder w, string[] suffixes)
    {
        foreach (var suffix in suffixes)
        {
            if (EndsWith(w, suffix))
            {
                return suffix;
            }
        }

        return null;
    }

    private static void ReplaceEnd(StringBuilder w, int length, string replacement)
    {
        w.Length -= length;
        w.Append(replacement);
    }

    private static bool HasVowel(StringBuilder w, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (IsVowel(w[i]))
            {
                return true;
            }
        }

        return false;
    }

    // A short syllable ends at `end`: non-vowel, vowel, non-vowel other than w, x or Y; or a vowel then a non-vowel
    // at the start of the word; or "past".
    private static bool IsShortSyllable(StringBuilder w, int end)
    {
        if (end >= 3 && !IsVowel(w[end - 1]) && w[end - 1] is not ('w' or 'x' or 'Y') && IsVowel(w[end - 2]) && !IsVowel(w[end - 3]))
        {
            return true;
        }

        if (end == 2 && !IsVowel(w[1]) && IsVowel(w[0]))
        {
            return true;
        }

        return end >= 4 && w[end - 4] == 'p' && w[end - 3] == 'a' && w[end - 2] == 's' && w[end - 1] == 't';
    }

    // Step 0 (the apostrophe suffixes) and step 1a (plurals).
    private static void Step1a(StringBuilder w)
    {
        if (Longest(w, Step0Suffixes) is { } possessive)
        {
            w.Length -= possessive.Length;
        }

        switch (Longest(w, Step1aSuffixes))
        {
            case "sses":
                ReplaceEnd(w, 4, "ss");
                break;
            case "ied" or "ies":
                ReplaceEnd(w, 3, w.Length - 3 > 1 ? "i" : "ie");
                break;
            case "s":
                // Deleted when a vowel comes before the letter just before the s (gaps, kiwis; not gas, this).
                if (HasVowel(w, 0, w.Length - 2))
                {
                    w.Length--;
                }

                break;
        }
    }

    private static void Step1b(StringBuilder w, int p1)
    {
        var suffix = Longest(w, Step1bSuffixes);
        if (suffix is null)
        {
            return;
        }

        var before = w.Length - suffix.Length;
        if (suffix is "eed" or "eedly")
        {
            var stem = w.ToString(0, before);
            if (stem is not ("proc" or "exc" or "succ") && before >= p1)
            {
                ReplaceEnd(w, suffix.Length, "ee");
            }

            return;
        }

        if (suffix == "ing")
        {
            // dying, lying, tying, vying: a non-vowel and y before -ing become that letter and "ie".
            if (before == 2 && w[1] == 'y' && !IsVowel(w[0]))
            {
                ReplaceEnd(w, 4, "ie");
                return;
            }

            if (w.ToString(0, before) is "inn" or "out" or "cann" or "herr" or "earr" or "even")
            {
                return;
            }
        }

        if (!HasVowel(w, 0, before))
        {
            return;
        }

        w.Length = before;
        if (EndsWith(w, "at") || EndsWith(w, "bl") || EndsWith(w, "iz"))
        {
            w.Append('e');
        }
        else if (EndsWithDouble(w))
        {
            // Undoubled (hopp -> hop) unless the word is a, e or o and the double (add, egg, off).
            if (!(w.Length == 3 && w[0] is 'a' or 'e' or 'o'))
            {
                w.Length--;
            }
        }
        else if (w.Length == p1 && IsShortSyllable(w, w.Length))
        {
            w.Append('e');
        }
    }

    private static bool EndsWithDouble(StringBuilder w) =>
        w.Length >= 2 && w[^1] == w[^2] && w[^1] is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't';

    private static void Step1c(StringBuilder w)
    {
        if (w.Length > 2 && w[^1] is 'y' or 'Y' && !IsVowel(w[^2]))
        {
            w[^1] = 'i';
        }
    }

    private static void Step2(StringBuilder w, int p1)
    {
        var suffix = Longest(w, Step2Suffixes);
        if (suffix is null || w.Length - suffix.Length < p1)
        {
            return;
        }

        var before = w.Length - suffix.Length;
        switch (suffix)
        {
            case "tional":
                ReplaceEnd(w, suffix.Length, "tion");
                break;
            case "enci":
                ReplaceEnd(w, suffix.Length, "ence");
                break;
            case "anci":
                ReplaceEnd(w, suffix.Length, "ance");
                break;
            case "abli":
                ReplaceEnd(w, suffix.Length, "able");
                break;
            case "entli":
                ReplaceEnd(w, suffix.Length, "ent");
                break;
            case "izer" or "ization":
                ReplaceEnd(w, suffix.Length, "ize");
                break;
            case "ational" or "ation" or "ator":
                ReplaceEnd(w, suffix.Length, "ate");
                break;
            case "alism" or "aliti" or "alli":
                ReplaceEnd(w, suffix.Length, "al");
                break;
            case "fulness" or "fulli":
                ReplaceEnd(w, suffix.Length, "ful");
                break;
            case "ousli" or "ousness":
                ReplaceEnd(w, suffix.Length, "ous");
                break;
            case "iveness" or "iviti":
                ReplaceEnd(w, suffix.Length, "ive");
                break;
            case "biliti" or "bli":
                ReplaceEnd(w, suffix.Length, "ble");
                break;
            case "ogist":
                ReplaceEnd(w, suffix.Length, "og");
                break;
            case "ogi":
                if (before > 0 && w[before - 1] == 'l')
                {
                    ReplaceEnd(w, suffix.Length, "og");
                }

                break;
            case "lessli":
                ReplaceEnd(w, suffix.Length, "less");
                break;
            case "li":
                if (before > 0 && w[before - 1] is 'c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't')
                {
                    w.Length = before;
                }

                break;
        }
    }

    private static void Step3(StringBuilder w, int p1, int p2)
    {
        var suffix = Longest(w, Step3Suffixes);
        if (suffix is null || w.Length - suffix.Length < p1)
        {
            return;
        }

        switch (suffix)
        {
            case "tional":
                ReplaceEnd(w, suffix.Length, "tion");
                break;
            case "ational":
                ReplaceEnd(w, suffix.Length, "ate");
                break;
            case "alize":
                ReplaceEnd(w, suffix.Length, "al");
                break;
            case "icate" or "iciti" or "ical":
                ReplaceEnd(w, suffix.Length, "ic");
                break;
            case "ful" or "ness":
                w.Length -= suffix.Length;
                break;
            case "ative":
                if (w.Length - suffix.Length >= p2)
                {
                    w.Length -= suffix.Length;
                }

                break;
        }
    }

    private static void Step4(StringBuilder w, int p2)
    {
        var suffix = Longest(w, Step4Suffixes);
        if (suffix is null || w.Length - suffix.Length < p2)
        {
            return;
        }

        var before = w.Length - suffix.Length;
        if (suffix != "ion" || (before > 0 && w[before - 1] is 's' or 't'))
        {
            w.Length = before;
        }
    }

    private static void Step5(StringBuilder w, int p1, int p2)
    {
        if (w.Length == 0)
        {
            return;
        }

        var last = w.Length - 1;
        if (w[last] == 'e')
        {
            if (last >= p2 || (last >= p1 && !IsShortSyllable(w, last)))
            {
                w.Length = last;
            }
        }
        else if (w[last] == 'l' && last >= p2 && last > 0 && w[last - 1] == 'l')
        {
            w.Length = last;
        }
    }
}

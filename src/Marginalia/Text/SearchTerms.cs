// TEMPORARY stand-in until the stem branch (Porter2 and the shared tokenizer) is merged.
using System.Globalization;
using System.Text;

namespace Marginalia.Text;

internal readonly record struct SearchToken(string Term, int Start, int Length);

internal static class SearchTerms
{
    public static IReadOnlyList<SearchToken> Tokens(string text)
    {
        var list = new List<SearchToken>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            var word = text[start..i].Normalize(NormalizationForm.FormD);
            var b = new StringBuilder();
            foreach (var c in word) if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) b.Append(char.ToLowerInvariant(c));
            list.Add(new SearchToken(b.ToString(), start, i - start));
        }
        return list;
    }

    public static bool IsStopWord(string folded) => Stop.Contains(folded);
    private static readonly HashSet<string> Stop = ["a","about","an","and","are","as","at","be","been","but","by","can","could","do","for","from","had","has","have","he","her","his","how","i","if","in","into","is","it","its","more","most","no","not","of","on","one","or","other","our","so","some","such","than","that","the","their","them","then","there","these","they","this","those","to","was","we","were","what","when","where","which","while","who","will","with","would","you","s","t"];
}

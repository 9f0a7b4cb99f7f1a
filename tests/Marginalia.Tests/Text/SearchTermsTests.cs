using System.Text.Json;
using System.Text.RegularExpressions;
using Marginalia.Tests.Support;
using Marginalia.Text;
using Marginalia.Theme;

namespace Marginalia.Tests.Text;

public class SearchTermsTests
{
    private static readonly string Script = Path.Combine(RepoPaths.Theme, "assets", "search-terms.js");
    private static readonly string WordList = Path.Combine(RepoPaths.Root, "tests", "Marginalia.Tests", "Text", "search-words.txt");
    private static readonly string Sentences = Path.Combine(RepoPaths.Root, "tests", "Marginalia.Tests", "Text", "search-sentences.txt");

    // Prints, for each non-empty line of a file, either [folded, stem, stop word?] or the line's tokens.
    private const string Driver = """
        const api = require(process.argv[1]);
        const lines = require('fs').readFileSync(process.argv[3], 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
        const out = process.argv[2] === 'words'
          ? lines.map((l) => { const f = api.fold(l); return [f, api.stem(f), api.isStopWord(f)]; })
          : lines.map((l) => api.tokens(l).map((t) => [t.term, t.start, t.length]));
        process.stdout.write(JSON.stringify(out));
        """;

    [Theory]
    [InlineData("Attaché", "attache")]
    [InlineData("Cafe\u0301", "cafe")]
    [InlineData("AI’s emergence", "ai's emergence")]
    [InlineData("“quoted” ‘single’ ‛reversed’ 5′ ʼokina", "\"quoted\" 'single' 'reversed' 5' 'okina")]
    [InlineData("a‐b a‑b a‒b a–b a—b a―b", "a-b a-b a-b a-b a-b a-b")]
    [InlineData("ﬁnance", "finance")]
    [InlineData("soft\u00ADhyphen zero\u200Bwidth", "softhyphen zerowidth")]
    [InlineData("İstanbul ΣΟΦΙΑ", "istanbul σοφια")]
    public void Fold_drops_case_accents_and_typographic_variants(string text, string folded)
    {
        Assert.Equal(folded, SearchTerms.Fold(text));
    }

    [Fact]
    public void Tokens_point_into_the_original_text_across_decomposed_accents_and_curly_apostrophes()
    {
        // Given a text whose folding shortens it (a decomposed é) and changes its apostrophes
        const string text = "Naïve cafe\u0301s — AI’s o’clock";

        // When it is cut into tokens
        var tokens = SearchTerms.Tokens(text);

        // Then each token's span is its word in the original text, and its term the stem of the folded word
        Assert.Equal(
            new[] { new SearchToken("naiv", 0, 5), new SearchToken("cafe", 6, 6), new SearchToken("ai", 15, 4), new SearchToken("o'clock", 20, 7) },
            tokens);
        Assert.Equal<string>(["Naïve", "cafe\u0301s", "AI’s", "o’clock"], tokens.Select(t => text.Substring(t.Start, t.Length)));
    }

    [Fact]
    public void Apostrophes_count_only_between_letters()
    {
        var tokens = SearchTerms.Tokens("’tis the students’ work, don't");

        Assert.Equal(new[] { new SearchToken("tis", 1, 3), new SearchToken("the", 5, 3), new SearchToken("student", 9, 8), new SearchToken("work", 19, 4), new SearchToken("don't", 25, 5) }, tokens);
    }

    [Fact]
    public void Words_with_digits_are_kept_unstemmed()
    {
        var tokens = SearchTerms.Tokens("G7 met in 2024; Web3ing in the 1990s");

        Assert.Equal<string>(["g7", "met", "in", "2024", "web3ing", "in", "the", "1990s"], tokens.Select(t => t.Term));
        Assert.Equal("web3", Porter2.Stem("web3ing")); // what stemming would have made of it
    }

    [Fact]
    public void A_ligature_is_one_word_with_the_source_span_of_its_characters()
    {
        var tokens = SearchTerms.Tokens("ﬁnance ministers");

        Assert.Equal(new[] { new SearchToken("financ", 0, 6), new SearchToken("minist", 7, 9) }, tokens);
    }

    [Fact]
    public void Stop_words_are_a_small_list_of_folded_function_words()
    {
        // 75: the function words of English prose, and the common ones (one, more, such, also, among, over) that are in
        // most entries of this edition and that no reader searches for alone; each costs the index a posting per entry.
        Assert.Equal(75, SearchTerms.StopWords.Count);
        Assert.True(SearchTerms.IsStopWord("also"));
        Assert.False(SearchTerms.IsStopWord("any")); // it stems to "ani", which is no stop word
        Assert.True(SearchTerms.IsStopWord("the"));
        Assert.True(SearchTerms.IsStopWord("it's"));
        Assert.True(SearchTerms.IsStopWord(SearchTerms.Fold("The")));
        Assert.False(SearchTerms.IsStopWord("The")); // the caller folds first
        Assert.False(SearchTerms.IsStopWord("theory"));
        Assert.False(SearchTerms.IsStopWord("ai"));
    }

    [Fact]
    public void Every_stop_word_stems_to_a_stop_word()
    {
        // So a stop word can be told from its term as well as from its folded word ("its" and "it's" stem to "it").
        Assert.All(SearchTerms.StopWords, word => Assert.True(SearchTerms.IsStopWord(Porter2.Stem(word)), $"{word} -> {Porter2.Stem(word)}"));
        Assert.Equal("it", Porter2.Stem("it's"));
    }

    [Fact]
    public void The_script_lists_the_same_stop_words()
    {
        // Given the list between the markers in search-terms.js
        var source = File.ReadAllText(Script);
        var list = Regex.Match(source, @"// stop-words:begin(?<list>.*?)// stop-words:end", RegexOptions.Singleline);
        Assert.True(list.Success, "search-terms.js has no stop-words:begin/end markers");
        var words = Regex.Matches(list.Groups["list"].Value, "'(?<w>[^']*)'|\"(?<w>[^\"]*)\"")
            .Select(m => m.Groups["w"].Value)
            .ToList();

        // Then it is the C# list, word for word
        Assert.Equal(SearchTerms.StopWords.Order(StringComparer.Ordinal), words.Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public void The_script_folds_and_stems_the_word_list_as_CSharp_does()
    {
        var node = NodeScript.Require();

        var script = Parse(NodeScript.Run(node, Driver, Script, "words", WordList), WordRow);

        AssertSameLines(CSharpWords(), script, "word");
    }

    [SkippableFact]
    public void The_script_tokenizes_the_sentences_as_CSharp_does()
    {
        var node = NodeScript.Require();

        var script = Parse(NodeScript.Run(node, Driver, Script, "tokens", Sentences), TokenRow);

        AssertSameLines(CSharpTokens(), script, "sentence");
    }

    [SkippableFact]
    public void The_minified_script_behaves_as_the_source_does()
    {
        // Given search-terms.js as the build publishes it (theme assets are minified)
        var node = NodeScript.Require();
        var source = File.ReadAllText(Script);
        var minified = AssetMinifier.Minify("search-terms.js", source);
        Assert.True(minified.Length < source.Length / 2, "search-terms.js was not minified (NUglify reported an error, so the build publishes it as it is)");
        Assert.True(minified.All(char.IsAscii), "the minified script has a character outside ASCII (the minifier writes escapes such as \\uFEFF out as the character)");
        var path = Path.Combine(Path.GetTempPath(), $"search-terms-{Guid.NewGuid():N}.min.js");
        File.WriteAllText(path, minified);
        try
        {
            // When the minified form folds, stems and tokenizes the same inputs
            var words = Parse(NodeScript.Run(node, Driver, path, "words", WordList), WordRow);
            var tokens = Parse(NodeScript.Run(node, Driver, path, "tokens", Sentences), TokenRow);

            // Then it agrees with C# word for word
            AssertSameLines(CSharpWords(), words, "word");
            AssertSameLines(CSharpTokens(), tokens, "sentence");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IEnumerable<string> Lines(string path) => File.ReadAllLines(path).Where(l => l.Length > 0);

    private static List<string> CSharpWords() =>
        Lines(WordList).Select(line =>
        {
            var folded = SearchTerms.Fold(line);
            return $"{folded}\t{Porter2.Stem(folded)}\t{SearchTerms.IsStopWord(folded)}";
        }).ToList();

    private static List<string> CSharpTokens() =>
        Lines(Sentences).Select(line => string.Join(" ", SearchTerms.Tokens(line).Select(t => $"{t.Term}@{t.Start}+{t.Length}"))).ToList();

    private static string WordRow(JsonElement row) => $"{row[0].GetString()}\t{row[1].GetString()}\t{row[2].GetBoolean()}";

    private static string TokenRow(JsonElement row) =>
        string.Join(" ", row.EnumerateArray().Select(t => $"{t[0].GetString()}@{t[1].GetInt32()}+{t[2].GetInt32()}"));

    private static List<string> Parse(string json, Func<JsonElement, string> row)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(row).ToList();
    }

    // Fails with the first 20 lines where the two sides differ, each with the input it came from.
    private static void AssertSameLines(List<string> csharp, List<string> script, string what)
    {
        Assert.Equal(csharp.Count, script.Count);
        Assert.True(csharp.Count > 0, "no input lines");
        var differences = csharp.Zip(script, (c, s) => (c, s))
            .Select((pair, i) => (pair.c, pair.s, i))
            .Where(d => d.c != d.s)
            .ToList();
        Assert.True(
            differences.Count == 0,
            $"{differences.Count} {what}(s) differ between C# and search-terms.js; the first 20:\n"
            + string.Join("\n", differences.Take(20).Select(d => $"  line {d.i + 1}: C# «{d.c}» JS «{d.s}»")));
    }
}

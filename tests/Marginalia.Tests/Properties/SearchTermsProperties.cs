using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Marginalia.Text;

namespace Marginalia.Tests.Properties;

/// <summary>
/// What holds for every input of the search's text side. Porter2 is not idempotent (a stem stemmed again may
/// change), so nothing here says so: stems never grow, letters-only words never stem to nothing, and tokens always
/// point inside the text at what they were made from.
/// </summary>
public class SearchTermsProperties
{
    private static Arbitrary<string> LowerCaseWords() =>
        Gen.Elements("abcdefghijklmnopqrstuvwxyz'".ToCharArray()).ArrayOf().Select(c => new string(c)).ToArbitrary();

    private static Arbitrary<string> Texts() =>
        Gen.Elements("aeiouy stnlrdgbp'’“—-é\u0301ﬁ½7İ🌍\u00AD.".ToCharArray()).ArrayOf().Select(c => new string(c)).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property A_stem_is_never_longer_than_its_word() =>
        Prop.ForAll(LowerCaseWords(), word => Assert.True(Porter2.Stem(word).Length <= word.Length, $"{word} -> {Porter2.Stem(word)}"));

    [Property(MaxTest = 500)]
    public Property A_word_of_letters_never_stems_to_nothing() =>
        Prop.ForAll(LowerCaseWords().Filter(w => w.Length > 0 && !w.Contains('\'')), word => Assert.NotEqual("", Porter2.Stem(word)));

    [Property(MaxTest = 300)]
    public Property Any_string_stems_without_throwing() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>().Filter(s => s is not null), word => Porter2.Stem(word) is not null);

    [Property(MaxTest = 300)]
    public Property Tokens_lie_inside_the_text_in_order_and_start_with_a_word_character() =>
        Prop.ForAll(Texts(), text =>
        {
            var tokens = SearchTerms.Tokens(text);
            var previous = -1;
            foreach (var token in tokens)
            {
                Assert.True(token.Start >= previous && token.Length > 0 && token.Start + token.Length <= text.Length, $"{token} in «{text}»");
                Assert.NotEqual("", token.Term);
                Assert.True(char.IsLetterOrDigit(SearchTerms.Fold(text.Substring(token.Start, token.Length)), 0), $"{token} in «{text}»");
                previous = token.Start;
            }
        });

    [Property(MaxTest = 500)]
    public Property Terms_are_the_tokens_terms_in_order() =>
        Prop.ForAll(Texts(), text => Assert.Equal(SearchTerms.Tokens(text).Select(t => t.Term).ToList(), SearchTerms.Terms(text)));
}

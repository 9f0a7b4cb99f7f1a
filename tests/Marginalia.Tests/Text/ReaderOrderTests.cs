using Marginalia.Text;

namespace Marginalia.Tests.Text;

public class ReaderOrderTests
{
    [Fact]
    public void Source_titles_sort_alphabetically_whatever_their_case_with_accented_letters_beside_their_base_letter()
    {
        string[] titles = ["beta report", "Zoo census", "Ärger und Ordnung", "alpha survey", "Aal fisheries", "Alpha Survey 2"];

        var sorted = titles.Order(ReaderOrder.IgnoringCase).ToArray();

        Assert.Equal(["Aal fisheries", "alpha survey", "Alpha Survey 2", "Ärger und Ordnung", "beta report", "Zoo census"], sorted);
        Assert.NotEqual(0, ReaderOrder.IgnoringCase.Compare("resume", "résumé")); // accents still tell titles apart
        Assert.Equal(0, ReaderOrder.IgnoringCase.Compare("WTO", "wto"));
    }

    [Fact]
    public void Glossary_terms_sort_ignoring_case_and_accents()
    {
        string[] terms = ["Beta", "éclair", "Ångström", "alpha", "Zeta"];

        var sorted = terms.Order(ReaderOrder.IgnoringCaseAndAccents).ToArray();

        Assert.Equal(["alpha", "Ångström", "Beta", "éclair", "Zeta"], sorted);
        Assert.Equal(0, ReaderOrder.IgnoringCaseAndAccents.Compare("Éclair", "eclair"));
    }

    [Theory]
    [InlineData("ｶﾀｶﾅ", "カタカナ")]   // half-width and full-width katakana
    [InlineData("かたかな", "カタカナ")] // hiragana and katakana
    [InlineData("Ａｐｐｌｅ", "apple")]  // full-width Latin letters
    public void Kana_type_and_character_width_do_not_set_names_apart(string one, string other)
    {
        // As ICU's own collation does below tertiary strength (see ReaderOrder's remarks for why this is asked for)
        Assert.Equal(0, ReaderOrder.IgnoringCase.Compare(one, other));
        Assert.Equal(0, ReaderOrder.IgnoringCaseAndAccents.Compare(one, other));
    }
}

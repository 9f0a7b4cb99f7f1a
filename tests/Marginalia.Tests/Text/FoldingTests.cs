using Marginalia.Text;

namespace Marginalia.Tests.Text;

public class FoldingTests
{
    [Theory]
    [InlineData("AI’s emergence", "AI's emergence")]
    [InlineData("“intelligent multilateralism.”", "\"intelligent multilateralism.\"")]
    [InlineData("skewed—most datasets", "skewed—most datasets")]
    [InlineData("skewed — most datasets", "skewed—most datasets")]
    [InlineData("skewed -- most", "skewed—most")]
    [InlineData("skewed - most", "skewed—most")]
    [InlineData("skewed – most", "skewed—most")]
    [InlineData("US-China trade", "US-China trade")]
    [InlineData("one\n  two\t\tthree", "one two three")]
    [InlineData("soft\u00ADhyphen zero\u200Bwidth", "softhyphen zerowidth")]
    [InlineData("Cafe\u0301 attache\u0301s", "Café attachés")]
    public void Typographic_variants_fold_to_one_form(string text, string folded)
    {
        Assert.Equal(folded, Folding.Fold(text).Text);
    }

    [Fact]
    public void Case_is_kept()
    {
        Assert.Equal("AI and ai", Folding.Fold("AI and ai").Text);
    }

    [Fact]
    public void Folded_spans_map_back_to_the_exact_source_passage()
    {
        // Given text whose folding merges spaces round a dash and decomposed accents
        const string source = "Data is skewed — most  datasets are Cafe\u0301-only 🌍 here";
        var folded = Folding.Fold(source);

        // When a folded phrase is located and mapped back
        var at = folded.Text.IndexOf("skewed—most datasets", StringComparison.Ordinal);
        var (start, end) = folded.ToSource(at, at + "skewed—most datasets".Length);
        var emoji = folded.Text.IndexOf("🌍", StringComparison.Ordinal);

        // Then the source span is the passage as written, and an astral character maps to both of its code units
        Assert.Equal("skewed — most  datasets", source[start..end]);
        Assert.Equal("🌍", source[folded.ToSource(emoji, emoji + 2).Start..folded.ToSource(emoji, emoji + 2).End]);
        var cafe = folded.Text.IndexOf("Café", StringComparison.Ordinal);
        Assert.Equal("Cafe\u0301", source[folded.ToSource(cafe, cafe + 4).Start..folded.ToSource(cafe, cafe + 4).End]);
    }

    [Theory]
    [InlineData("“It’s” — a  test -- of  folding’s  rules - really")]
    [InlineData("  leading and trailing  ")]
    [InlineData("Cafe\u0301\u200B — ‘x’")]
    public void Folding_is_idempotent(string text)
    {
        var once = Folding.Fold(text).Text;

        Assert.Equal(once, Folding.Fold(once).Text);
    }

    [Fact]
    public void An_invisible_character_between_a_dash_and_the_space_after_it_does_not_keep_the_space()
    {
        // Found by FoldingProperties: the zero-width joiner used to end the dash's claim on the whitespace after it,
        // so "a —\u3000\u200D\nb" folded to "a— b" and that, folded again, to "a—b"
        var folded = Folding.Fold("a —\u3000\u200D\nb");

        Assert.Equal("a—b", folded.Text);
        Assert.Equal((1, 6), folded.ToSource(1, 2));
    }

    [Theory]
    [InlineData("a \u200D- b", "a—b")]
    [InlineData("a -\u200D b", "a—b")]
    [InlineData("a-\u00AD-b", "a—b")]
    [InlineData("AI\uFEFF\u0301", "AÍ")]
    [InlineData("e\u200B\u0301", "é")]
    public void Invisible_characters_fold_as_if_they_were_not_there(string text, string folded)
    {
        // Found by FoldingProperties: an invisible character hid a spaced hyphen's space, split "--", or parted a
        // letter from its accent, so the text folded differently a second time
        Assert.Equal(folded, Folding.Fold(text).Text);
        Assert.Equal(folded, Folding.Fold(folded).Text);
    }

    [Fact]
    public void A_lone_surrogate_before_a_combining_mark_is_kept_not_thrown()
    {
        // YAML's "\uD800" escape can put one in a quote
        Assert.Equal("a\uD800\u0301", Folding.Fold("a\uD800\u0301").Text);
    }

    [Fact]
    public void A_phrase_is_folded_and_trimmed()
    {
        Assert.Equal("India's Bhashini", Folding.FoldPhrase("  India’s   Bhashini \n"));
    }
}

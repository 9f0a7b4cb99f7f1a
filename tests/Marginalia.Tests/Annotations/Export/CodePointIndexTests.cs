using Marginalia.Annotations.Export;

namespace Marginalia.Tests.Annotations.Export;

public sealed class CodePointIndexTests
{
    [Fact]
    public void Offsets_after_an_emoji_count_it_as_one_code_point()
    {
        // Given a text where "🌍" (U+1F30D, two UTF-16 units) precedes "is"
        var index = new CodePointIndex("The 🌍 is 🤝.");

        // When UTF-16 offsets before, after and well after the emoji are converted
        var before = index.ToCodePoints(4);
        var after = index.ToCodePoints(6);
        var end = index.ToCodePoints(index.Text.Length);

        // Then each emoji counts once
        Assert.Equal(4, before);
        Assert.Equal(5, after);
        Assert.Equal(13, index.Text.Length);
        Assert.Equal(11, end);
        Assert.Equal(11, index.Length);
    }

    [Fact]
    public void An_offset_between_the_halves_of_a_surrogate_pair_is_refused()
    {
        // Given a text with an emoji at UTF-16 offsets 1–2
        var index = new CodePointIndex("a🌍b");

        // When the offset inside the pair is used
        var inside = Record.Exception(() => index.ToCodePoints(2));

        // Then it is refused, and the offsets around the pair are boundaries
        Assert.IsType<ArgumentOutOfRangeException>(inside);
        Assert.False(index.IsBoundary(2));
        Assert.True(index.IsBoundary(1));
        Assert.True(index.IsBoundary(3));
    }

    [Fact]
    public void A_lone_surrogate_in_the_text_is_refused()
    {
        // Given a text with a high surrogate and no low one after it
        var text = "a\uD83Cb";

        // When it is indexed
        var error = Record.Exception(() => new CodePointIndex(text));

        // Then it is refused, naming the offset
        Assert.IsType<ArgumentException>(error);
        Assert.Contains("offset 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Preceding_context_takes_whole_surrogate_pairs_up_to_the_limit()
    {
        // Given "x🌍🤝y" followed by the passage at UTF-16 offset 6
        var index = new CodePointIndex("x🌍🤝yPASSAGE");

        // When 1, 2, 3 and 10 code points are taken before the passage
        var one = index.Preceding(6, 1);
        var two = index.Preceding(6, 2);
        var three = index.Preceding(6, 3);
        var all = index.Preceding(6, 10);

        // Then the emoji come whole and the start of the text stops the walk
        Assert.Equal("y", one);
        Assert.Equal("🤝y", two);
        Assert.Equal("🌍🤝y", three);
        Assert.Equal("x🌍🤝y", all);
    }

    [Fact]
    public void Following_context_takes_whole_surrogate_pairs_up_to_the_limit()
    {
        // Given a passage ending at UTF-16 offset 7, followed by "🌍x🤝"
        var index = new CodePointIndex("PASSAGE🌍x🤝");

        // When 1, 2 and 10 code points are taken after it
        var one = index.Following(7, 1);
        var two = index.Following(7, 2);
        var all = index.Following(7, 10);

        // Then the emoji come whole and the end of the text stops the walk
        Assert.Equal("🌍", one);
        Assert.Equal("🌍x", two);
        Assert.Equal("🌍x🤝", all);
    }
}

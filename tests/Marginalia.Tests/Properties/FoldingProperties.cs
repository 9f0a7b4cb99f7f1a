using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Marginalia.Text;

namespace Marginalia.Tests.Properties;

/// <summary>Folding a folded text changes nothing: quotes, prefixes and the essay are folded once and compared.</summary>
public class FoldingProperties
{
    // What folding rewrites, plus plain letters (precomposed, decomposed, astral) so the rewrites sit between words.
    private static readonly string[] Pieces =
    [
        "a", "b", "AI", "é", "e\u0301", "o\u0308\u0301", "\u0327", "\u0301", "ß", "İ", "𝔸", "😀", "\u0915\u094D\u0937",
        "-", "--", "---", "–", "—", "―", "‐", "‑", " - ", " -- ", "— ", " —",
        "\"", "'", "“", "”", "„", "‟", "‘", "’", "‚", "‛", "′", "″", "`",
        " ", "  ", "\t", "\n", "\r\n", "\u00A0", "\u2009", "\u3000", "\u200B", "\u200D", "\u2060", "\uFEFF", "\u00AD",
        "…", ".", ",", ":", "\uD800", "\uDC00",
    ];

    private static Arbitrary<string> Texts() =>
        Gen.Elements(Pieces).ListOf().Select(parts => string.Concat(parts)).ToArbitrary();

    [Property(MaxTest = 200)]
    public Property Folding_is_idempotent_on_text_made_of_dashes_quotes_whitespace_and_combining_marks() =>
        Prop.ForAll(Texts(), text =>
        {
            var once = Folding.Fold(text).Text;
            Assert.Equal(once, Folding.Fold(once).Text);
        });

    [Property(MaxTest = 200)]
    public Property Folding_is_idempotent_on_arbitrary_strings() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>().Filter(s => s is not null), text =>
        {
            var once = Folding.Fold(text).Text;
            Assert.Equal(once, Folding.Fold(once).Text);
        });

    [Fact]
    public void Folding_a_folded_dash_run_changes_nothing()
    {
        // A concrete case of the property, readable on its own: every dash form ends as one em dash without spaces
        var once = Folding.Fold("a -- b – c — d - e").Text;

        Assert.Equal("a—b—c—d—e", once);
        Assert.Equal(once, Folding.Fold(once).Text);
    }
}

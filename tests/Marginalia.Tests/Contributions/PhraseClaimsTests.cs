using Marginalia.Contributions;
using Marginalia.Diagnostics;

namespace Marginalia.Tests.Contributions;

public class PhraseClaimsTests
{
    [Fact]
    public void A_phrase_claimed_by_two_files_is_an_error_at_the_second_naming_the_first()
    {
        var diagnostics = new DiagnosticBag();
        var claims = new PhraseClaims(diagnostics);

        Assert.True(claims.Claim("WTO", true, "input/glossary/wto.md", new SourceLocation("input/glossary/wto.md", 2, 7)));
        Assert.False(claims.Claim("wto", false, "input/glossary/trade.md", new SourceLocation("input/glossary/trade.md", 3, 11)));

        Assert.Equal("input/glossary/trade.md:3:11: error MG0701: 'wto' is already claimed by input/glossary/wto.md", Assert.Single(diagnostics.Sorted()).ToString());
    }

    [Fact]
    public void Two_case_sensitive_phrases_that_differ_in_case_do_not_clash_and_folding_applies()
    {
        var diagnostics = new DiagnosticBag();
        var claims = new PhraseClaims(diagnostics);

        Assert.True(claims.Claim("AI", true, "a.md", SourceLocation.File("a.md")));
        Assert.True(claims.Claim("Ai", true, "b.md", SourceLocation.File("b.md")));
        Assert.True(claims.Claim("India’s Bhashini", false, "c.md", SourceLocation.File("c.md")));
        Assert.False(claims.Claim("india's  bhashini", false, "d.md", SourceLocation.File("d.md")));
        Assert.True(claims.Claim("WTO", false, "e.md", SourceLocation.File("e.md")));
        Assert.True(claims.Claim("WTO", false, "e.md", SourceLocation.File("e.md"))); // the same file may repeat itself
    }
}

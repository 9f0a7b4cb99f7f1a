namespace Marginalia.Tests.Architecture;

public class CodeTextTests
{
    [Theory]
    [InlineData("var a = B.C; // D.E", "var a = B.C;")]
    [InlineData("var a = /* D.E */ B.C;", "var a =           B.C;")]
    [InlineData("var u = \"https://x/D.E\"; B.C();", "var u =                ; B.C();")]
    [InlineData("var q = '\"'; B.C();", "var q =    ; B.C();")]
    [InlineData("var s = @\"a\"\"D.E\"; B.C();", "var s =          ; B.C();")]
    [InlineData("var m = $\"x {B.C(1)} D.E {{ \"; F.G();", "var m =     {B.C(1)}         ; F.G();")]
    [InlineData("var n = $\"{(a ? \"D.E\" : B.C)}\";", "var n =   {(a ?       : B.C)} ;")]
    public void Comments_and_string_text_are_blanked_and_interpolated_code_is_kept(string source, string code)
    {
        Assert.Equal(code, CodeText.Of(source).TrimEnd());
    }

    [Fact]
    public void Line_breaks_inside_comments_and_strings_are_kept_so_places_keep_their_lines()
    {
        var source = "/* one\ntwo */ var s = \"\"\"\nD.E\n\"\"\";\nB.C();\n";

        var code = CodeText.Of(source);

        Assert.Equal(source.Count(c => c == '\n'), code.Count(c => c == '\n'));
        Assert.Equal("B.C();", code.Split('\n')[4]);
    }
}

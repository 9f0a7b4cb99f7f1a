using Marginalia.Contributions;
using Marginalia.Diagnostics;

namespace Marginalia.Tests.Contributions;

/// <summary>Ids become anchors and output paths, so only ^[a-z0-9]+(-[a-z0-9]+)*$ passes: nothing that could leave a folder.</summary>
public class IdsTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("bhashini")]
    [InlineData("g20-summit-2023")]
    [InlineData("42")]
    public void Lowercase_words_of_letters_and_digits_joined_by_single_hyphens_are_valid(string id) =>
        Assert.True(Ids.IsValid(id));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("..", "parent folder")]
    [InlineData("../etc", "parent folder prefix")]
    [InlineData("a/b", "slash")]
    [InlineData("a\\b", "backslash")]
    [InlineData("/etc/passwd", "absolute Unix path")]
    [InlineData("C:\\notes", "absolute Windows path")]
    [InlineData("Bhashini", "uppercase")]
    [InlineData("bhāshini", "non-ASCII letter")]
    [InlineData("note\u0301", "combining mark")]
    [InlineData("٤٢", "non-ASCII digits")]
    [InlineData("bhashini-", "trailing hyphen")]
    [InlineData("-bhashini", "leading hyphen")]
    [InlineData("a--b", "double hyphen")]
    [InlineData("a_b", "underscore")]
    [InlineData("a.b", "dot")]
    [InlineData("a b", "space")]
    [InlineData("bhashini\n", "trailing newline (which $ alone would let through)")]
    [InlineData("bhashini\0", "NUL")]
    public void Anything_else_is_invalid(string id, string why) =>
        Assert.False(Ids.IsValid(id), $"'{id}' ({why}) was accepted");

    [Fact]
    public void An_invalid_id_is_reported_at_the_file_with_a_rename_to_paste()
    {
        var diagnostics = new DiagnosticBag();

        var ok = Ids.Check("Bhashini Project", "input/annotations/Bhashini Project.md", diagnostics);

        Assert.False(ok);
        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal("input/annotations/Bhashini Project.md:1:1: error MG0601: 'Bhashini Project' is not a valid id: use lowercase letters and digits in words joined by single hyphens", error.ToString());
        Assert.Equal("rename the file to 'bhashini-project.md'", error.Hint);
    }
}

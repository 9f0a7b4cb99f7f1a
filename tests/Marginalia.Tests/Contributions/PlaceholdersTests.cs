using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Diagnostics;

namespace Marginalia.Tests.Contributions;

public class PlaceholdersTests
{
    [Fact]
    public void A_placeholder_left_in_is_a_warning_at_its_line_and_column()
    {
        var diagnostics = new DiagnosticBag();

        Placeholders.Check(new SourceText("/x.md", "input/glossary/x.md", $"---\nshort: \"{Placeholders.TermShort}\"\n---\nMy own entry.\n"), diagnostics);

        var warning = Assert.Single(diagnostics.Sorted());
        Assert.Equal("input/glossary/x.md:2:9: warning MG0613: the placeholder \"Write one plain-text…\" written by marginalia new is still here", warning.ToString());
    }

    [Fact]
    public void A_file_in_its_authors_own_words_has_none()
    {
        var diagnostics = new DiagnosticBag();

        Placeholders.Check(new SourceText("/x.md", "input/annotations/x.md", "---\nquote: \"Write the note\"\n---\nWrite the note here, in my words.\n"), diagnostics);

        Assert.Equal(0, diagnostics.Count);
    }
}

using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Diagnostics;

namespace Marginalia.Tests.Contributions;

public class PlaceholdersTests
{
    private static List<string> Check(string path, string text)
    {
        var diagnostics = new DiagnosticBag();
        Placeholders.Check(new SourceText("/x.md", path, text), diagnostics);
        return [.. diagnostics.Sorted().Select(d => d.ToString())];
    }

    [Theory]
    [InlineData("input/glossary/x.md", $"---\nshort: \"{Placeholders.TermShort}\"\n---\nMy own entry.\n", "2:9", "Write one plain-text…")]
    [InlineData("input/glossary/x.md", $"---\nshort: \"Mine.\"\n---\n{Placeholders.TermBody}\n", "4:1", "Write the glossary…")]
    [InlineData("input/annotations/x.md", $"---\nquote: \"q\"\n---\n{Placeholders.NoteBody}\n", "4:1", "Write the note…")]
    [InlineData("input/initiatives/x.md", $"---\nsummary: \"{Placeholders.InitiativeSummary}\"\n---\nMine.\n", "2:11", "Write one or two…")]
    [InlineData("input/initiatives/x.md", $"---\nsummary: \"s\"\n---\nIntro.\n\n{Placeholders.InitiativeBody}\n", "6:1", "Write the page…")]
    [InlineData("input/annotations/x.md", $"---\nsources:\n  - title: \"{Placeholders.SourceTitle}\"\n    url: \"https://example.org/\"\n---\nMine.\n", "3:13", "The title of the page…")]
    [InlineData("input/initiatives/x.md", "---\nurl: \"https://…\"   # the official site\n---\nMine.\n", "2:7", "https://…")]
    [InlineData("input/initiatives/x.md", "---\nregion: \"…\"   # where it runs\n---\nMine.\n", "2:10", "…")]
    [InlineData("input/annotations/x.md", "---\nauthor: \"your-github-handle\"   # your GitHub handle\n---\nMine.\n", "2:10", "your-github-handle")]
    public void A_placeholder_left_in_is_an_error_at_its_line_and_column(string path, string text, string at, string shown)
    {
        var error = Assert.Single(Check(path, text));

        Assert.Equal($"{path}:{at}: error MG0613: the placeholder \"{shown}\" written by marginalia new is still here", error);
    }

    [Theory]
    [InlineData("---\nquote: \"Write the note\"\n---\nWrite the note here, in my words.\n")]
    [InlineData("---\n# url: \"https://…\"   # the official site\n# region: \"…\"\n#   - title: \"" + Placeholders.SourceTitle + "\"\n---\nMine.\n")]
    [InlineData("---\nquote: \"q\"\n---\nShe said \"…\" and stopped; see \"https://…\" elided.\n")]
    [InlineData("---\nauthor: \"a-real-handle\"\n---\nWrite to \"your-github-handle\" in prose is prose.\n")]
    public void A_file_in_its_authors_own_words_or_with_the_scaffolds_comments_has_none(string text)
    {
        Assert.Empty(Check("input/annotations/x.md", text));
    }
}

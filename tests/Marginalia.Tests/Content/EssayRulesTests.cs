using Marginalia.Content;
using Marginalia.Diagnostics;

namespace Marginalia.Tests.Content;

/// <summary>
/// The essay arrives by pull request like any contribution: a link that runs script, a remote or data: image, a
/// character hidden behind a reference, a nesting that crashes Markdig or a table that stalls it are each an error at
/// their line and column of essay.md, and no essay is built.
/// </summary>
public class EssayRulesTests
{
    // Five lines of front matter: the body starts on line 6.
    private const string Head = "---\ntitle: T\nauthor: A\nlanguage: en\n---\n";

    private static (Essay? Essay, string[] Errors) Build(string body)
    {
        var media = Path.Combine(Path.GetTempPath(), "marginalia-essay-rules-no-media");
        var diagnostics = new DiagnosticBag();
        var frontMatter = FrontMatterParser.Parse(new SourceText("/e", "input/essay.md", Head + body), diagnostics)!;
        var essay = EssayBuilder.Build(frontMatter, diagnostics, media);
        return (essay, [.. diagnostics.Sorted().Where(d => d.IsError).Select(d => $"{d.Code.Id} {d.Location}")]);
    }

    public static TheoryData<string, string, string> Hostile => new()
    {
        // case, body, expected errors
        { "javascript-link", "Intro text.\n\nClick [here](javascript:alert(1)) now.\n", "MG0608 input/essay.md:8:7" },
        { "entity-scheme", "Click [here](&#x6A;avascript:alert(1)).\n", "MG0608 input/essay.md:6:7" },
        { "vbscript-autolink", "See <vbscript:msgbox(1)>.\n", "MG0608 input/essay.md:6:5" },
        { "data-link", "See [x](data:text/html;base64,PHNjcmlwdD4=).\n", "MG0608 input/essay.md:6:5" },
        { "remote-image", "A ![tracker](https://evil.example/p.png) here.\n", "MG0609 input/essay.md:6:3" },
        { "data-image", "![x](data:image/svg+xml;base64,PHN2Zz4=)\n", "MG0609 input/essay.md:6:1" },
        { "missing-media", "![x](media/absent.png)\n", "MG0609 input/essay.md:6:1" },
        { "bidi-entity", "Text &#x202E;gnp.exe here.\n", "MG0614 input/essay.md:6:6" },
        { "zero-width-entity", "Te&ZeroWidthSpace;xt.\n", "MG0614 input/essay.md:6:3" },
        { "bidi-literal", "Text \u202Egnp.exe here.\n", "MG0614 input/essay.md:6:6" },
        { "control-entity", "Bell &#x7; here.\n", "MG0614 input/essay.md:6:6" },
        { "noncharacter-entity", "Odd &#xFFFE; here.\n", "MG0620 input/essay.md:6:5" },
        { "nul-entity", "Odd &#0; here.\n", "MG0620 input/essay.md:6:5" },
        { "deep-quotes", new string('>', 128) + " deep\n", "MG0619 input/essay.md:6:17" },
        { "wide-table", "| " + string.Join(" | ", Enumerable.Repeat("c", 1_200)) + " |\n", "MG0618 input/essay.md:6:4001" },
        { "emphasis-run", "A paragraph " + string.Concat(Enumerable.Repeat("a*", 1_001)) + "\n", "MG0618 input/essay.md:6:2014" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_hostile_essay_is_refused_at_the_line_and_column_of_the_problem(string name, string body, string expected)
    {
        var (essay, errors) = Build(body);

        Assert.True(essay is null, name);
        Assert.Equal(expected.Split(','), errors);
    }

    [Fact]
    public void The_budgets_hold_per_paragraph_so_a_long_essay_of_small_tables_and_emphasis_is_built()
    {
        // 150 paragraphs, each with 20 emphasis marks and a 32-'|' table: 3,000 marks and 4,800 '|' in all, past one
        // contribution's budget (1,000 each) and within the essay's, and each block is within the per-block budget.
        var block = "Some *emphasis* and _more_ and **strong** text, *a*, *b*, *c*, *d*, *e*.\n\n| a | b | c |\n|---|---|---|\n"
            + string.Concat(Enumerable.Repeat("| 1 | 2 | 3 |\n", 6)) + "\n";
        var (essay, errors) = Build(string.Concat(Enumerable.Repeat(block, 150)));

        Assert.Empty(errors);
        Assert.Equal(150, essay!.Sections.Single().Paragraphs.Length);
    }

    [Fact]
    public void Allowed_links_and_an_image_under_media_pass()
    {
        var media = Directory.CreateTempSubdirectory("marginalia-essay-media").FullName;
        File.WriteAllBytes(Path.Combine(media, "map.png"), [137, 80, 78, 71]);
        var diagnostics = new DiagnosticBag();
        var frontMatter = FrontMatterParser.Parse(new SourceText("/e", "input/essay.md",
            Head + "See [a](https://example.org/a), [b](http://example.org/b), <mailto:a@example.org> and ![map](media/map.png).\n"), diagnostics)!;

        var essay = EssayBuilder.Build(frontMatter, diagnostics, media);
        Directory.Delete(media, true);

        Assert.Empty(diagnostics.Sorted());
        Assert.Contains("src=\"media/map.png\"", essay!.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/a\"", essay.Html, StringComparison.Ordinal);
    }
}

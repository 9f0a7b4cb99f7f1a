using Marginalia.Contributions;
using Marginalia.Diagnostics;

namespace Marginalia.Tests.Contributions;

public class ContributedMarkdownTests
{
    private static (RenderedBody? Body, IReadOnlyList<Diagnostic> Diagnostics) Render(string markdown, string? media = null)
    {
        var diagnostics = new DiagnosticBag();
        var body = ContributedMarkdown.Render(markdown, "input/annotations/x.md", 10, media ?? Path.GetTempPath(), diagnostics);
        return (body, diagnostics.Sorted());
    }

    [Fact]
    public void Ordinary_markdown_renders_with_allowed_links_kept()
    {
        var (body, diagnostics) = Render("Read *this* at [the OECD](https://oecd.ai/en/ai-principles), write to <editors@marginalia.test>, see [¶](xref:essay#p-x).\n");

        Assert.Empty(diagnostics);
        Assert.Equal(
            "<p>Read <em>this</em> at <a href=\"https://oecd.ai/en/ai-principles\">the OECD</a>, write to <a href=\"mailto:editors@marginalia.test\">editors@marginalia.test</a>, see <a href=\"xref:essay#p-x\">¶</a>.</p>\n",
            body!.Html);
        Assert.Equal("essay#p-x", Assert.Single(body.Xrefs).Target);
    }

    [Theory]
    [InlineData("Hi <script>alert(1)</script> there.", 10, 4)]
    [InlineData("<div onclick=\"x()\">block</div>", 10, 1)]
    [InlineData("An <img src=x onerror=alert(1)> image.", 10, 4)]
    [InlineData("Text.\n\n<iframe src=\"https://evil.test\"></iframe>", 12, 1)]
    public void Raw_html_is_an_error_at_its_line_and_column(string markdown, int line, int column)
    {
        var (body, diagnostics) = Render(markdown);

        Assert.Null(body);
        var error = diagnostics[0];
        Assert.Equal("MG0607", error.Code.Id);
        Assert.Equal((line, column), (error.Location.Line, error.Location.Column));
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](vbscript:msgbox)")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[x](/etc/passwd)")]
    [InlineData("[x](../../secret.html)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x][ref]\n\n[ref]: javascript:alert(1)")]
    public void Links_other_than_https_http_mailto_and_xref_are_errors(string markdown)
    {
        var (body, diagnostics) = Render(markdown);

        Assert.Null(body);
        Assert.Equal("MG0608", Assert.Single(diagnostics).Code.Id);
    }

    [Theory]
    [InlineData("![x](https://tracker.test/pixel.png)", "remote image")]
    [InlineData("![x](data:image/png;base64,iVBORw0KGgo=)", "remote image")]
    [InlineData("![x](media/../../etc/passwd)", "must be a file under media/")]
    [InlineData("![x](media/missing.png)", "is not in input/media/")]
    public void Images_must_be_files_under_input_media(string markdown, string problem)
    {
        var (body, diagnostics) = Render(markdown);

        Assert.Null(body);
        var error = Assert.Single(diagnostics);
        Assert.Equal("MG0609", error.Code.Id);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_under_input_media_is_kept_and_listed()
    {
        var media = Directory.CreateTempSubdirectory("marginalia-media").FullName;
        File.WriteAllBytes(Path.Combine(media, "map.png"), [137, 80, 78, 71]);

        var (body, diagnostics) = Render("![A map](media/map.png)", media);

        Assert.Empty(diagnostics);
        Assert.Equal("<p><img src=\"media/map.png\" alt=\"A map\"></p>\n", body!.Html);
        Assert.Equal(["media/map.png"], body.Media.ToArray());
        Directory.Delete(media, true);
    }

    public static TheoryData<string, string?> ImageCounts => new()
    {
        // body, expected error ("line:column" of the first image past the limit, counted in the file; body starts on line 10)
        { string.Concat(Enumerable.Repeat("![m](media/map.png) ", 10)), null },
        { string.Concat(Enumerable.Repeat("![m](media/map.png) ", 11)), "10:201 11" },
        { string.Join("\n\n", Enumerable.Repeat("![m](media/map.png)", 12)), "30:1 12" },
        { "Text.\n\n" + string.Concat(Enumerable.Repeat("- ![m](media/map.png)\n", 11)), "22:3 11" },
        { string.Concat(Enumerable.Repeat("![m](media/map.png)", 1_000)), "10:191 1000" },
        { "| a | b |\n|---|---|\n" + string.Concat(Enumerable.Repeat("| ![m](media/map.png) | ![n](media/other.png) |\n", 6)), "17:3 12" },
    };

    [Theory]
    [MemberData(nameof(ImageCounts))]
    public void A_body_may_show_at_most_ten_images_and_the_first_past_them_is_the_error(string markdown, string? expected)
    {
        var media = Directory.CreateTempSubdirectory("marginalia-media").FullName;
        File.WriteAllBytes(Path.Combine(media, "map.png"), [137, 80, 78, 71]);
        File.WriteAllBytes(Path.Combine(media, "other.png"), [137, 80, 78, 71]);

        var (body, diagnostics) = Render(markdown, media);
        Directory.Delete(media, true);

        if (expected is null)
        {
            Assert.Empty(diagnostics);
            Assert.Equal(ContributedMarkdown.MaxImages, body!.Media.Length);
            return;
        }

        Assert.Null(body);
        var error = Assert.Single(diagnostics);
        var (at, count) = (expected.Split(' ')[0], expected.Split(' ')[1]);
        Assert.Equal($"input/annotations/x.md:{at}: error MG0617: this body shows {count} images; a body may show at most 10", error.ToString());
    }

    [Fact]
    public void An_empty_body_is_an_error()
    {
        var (body, diagnostics) = Render("  \n\n");

        Assert.Null(body);
        Assert.Equal("input/annotations/x.md:10:1: error MG0606: the body is empty", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void Every_problem_of_a_body_is_reported_not_only_the_first()
    {
        var (_, diagnostics) = Render("<b>x</b> and [y](javascript:z) and ![i](https://t.test/i.png)\n");

        Assert.Equal(["MG0607", "MG0608", "MG0609"], diagnostics.Select(d => d.Code.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_sanitiser_keeps_no_id_so_a_body_cannot_give_a_page_an_id()
    {
        // Markdown writes no id; HTML that reaches the sanitiser another way (an import) keeps none either
        Assert.Equal("<p>a <a href=\"https://e.test/\">b</a></p>", ContributedMarkdown.Sanitize("<p id=\"note-x\">a <a id=\"main\" href=\"https://e.test/\">b</a></p>"));
    }

    [Fact]
    public void A_tables_column_alignment_is_rendered_as_classes_not_style_attributes()
    {
        var (body, diagnostics) = Render("| Hub | Opened |\n|:---|---:|\n| Nairobi | 2013 |\n");

        Assert.Empty(diagnostics);
        Assert.DoesNotContain("style=", body!.Html, StringComparison.Ordinal);
        Assert.Contains("<th class=\"align-left\">Hub</th>", body.Html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"align-right\">2013</td>", body.Html, StringComparison.Ordinal);
    }
}

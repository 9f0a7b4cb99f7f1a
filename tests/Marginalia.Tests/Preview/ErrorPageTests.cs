using System.Text.RegularExpressions;
using Marginalia.Diagnostics;
using Marginalia.Preview;
using Marginalia.Site;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Preview;

public sealed class ErrorPageTests
{
    [Fact]
    public void Error_page_lists_each_diagnostic_and_hint_escaped_with_the_reload_script_marked_failed()
    {
        // Given a build with an error whose message quotes markup, and a warning
        var result = new BuildResult(
            [
                Diagnostic.Error(DiagnosticCodes.InvalidValue, new SourceLocation("input/annotations/x.md", 4, 9), "url '<script>alert(1)</script>' is not allowed", "use an https:// address & nothing else"),
                Diagnostic.Warning(DiagnosticCodes.UnknownField, new SourceLocation("input/site.yml", 2, 1), "unknown field \"titel\""),
            ],
            [],
            false);

        // When the page is rendered
        var html = ErrorPage.Render(new PreviewBuild(3, result, TimeSpan.FromMilliseconds(12), ["input/annotations/x.md"]), "0badcafe-3");

        // Then each diagnostic shows its severity, code, line and column, place, message and hint, escaped
        Assert.Contains("<p class=\"build-summary\"><strong>1 error</strong> and 1 warning in 2 files. Fix them and save", html, StringComparison.Ordinal);
        Assert.Contains(
            "<li class=\"diagnostic is-error\">\n<h3><span class=\"diagnostic-severity\">Error</span> <code>MG0112</code>, line 4, column 9</h3>\n"
            + "<p class=\"diagnostic-place\">input/annotations/x.md:4:9</p>\n"
            + "<p class=\"diagnostic-message\">url &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39; is not allowed</p>\n"
            + "<p class=\"diagnostic-hint\"><strong>Hint:</strong> use an https:// address &amp; nothing else</p>\n</li>",
            html, StringComparison.Ordinal);
        Assert.Contains(
            "<li class=\"diagnostic is-warning\">\n<h3><span class=\"diagnostic-severity\">Warning</span> <code>MG0110</code>, line 2, column 1</h3>\n"
            + "<p class=\"diagnostic-place\">input/site.yml:2:1</p>\n<p class=\"diagnostic-message\">unknown field &quot;titel&quot;</p>\n</li>",
            html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);

        // And it is styled by files of the preview's own (the site's policy allows no inline style), and reloads by itself
        Assert.Contains("<link rel=\"stylesheet\" href=\"/__marginalia/theme.css\">\n<link rel=\"stylesheet\" href=\"/__marginalia/errors.css\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.EndsWith("</main>\n<script src=\"/__marginalia/reload.js\" data-version=\"0badcafe-3\" data-failed defer></script>\n</body>\n</html>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnostics_are_grouped_by_file_files_with_errors_first_each_sorted_by_line()
    {
        // Given diagnostics in the order modules happened to report them
        var result = new BuildResult(
            [
                Diagnostic.Warning(DiagnosticCodes.UnknownField, new SourceLocation("input/annotations/a.md", 3, 1), "a3"),
                Diagnostic.Error(DiagnosticCodes.InvalidValue, new SourceLocation("input/glossary/z.md", 9, 2), "z9"),
                Diagnostic.Error(DiagnosticCodes.InvalidValue, new SourceLocation("input/glossary/z.md", 2, 5), "z2"),
                Diagnostic.Error(DiagnosticCodes.InvalidValue, new SourceLocation("input/essay.md", 12, 1), "e12"),
                Diagnostic.Warning(DiagnosticCodes.UnknownField, new SourceLocation("input/essay.md", 4, 1), "e4"),
            ],
            [],
            false);

        // When the page is rendered
        var html = ErrorPage.Render(new PreviewBuild(2, result, TimeSpan.Zero, []), "v-2");

        // Then each file is a section with a heading and its counts, errors' files first, lines in order within each
        var headings = Regex.Matches(html, "<h2 id=\"file-(\\d)\"><code>([^<]*)</code> <span class=\"build-file-count\">([^<]*)</span></h2>")
            .Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value} ({m.Groups[3].Value})");
        Assert.Equal(["1 input/essay.md (1 error, 1 warning)", "2 input/glossary/z.md (2 errors)", "3 input/annotations/a.md (1 warning)"], headings);
        var messages = Regex.Matches(html, "<p class=\"diagnostic-message\">([^<]*)</p>").Select(m => m.Groups[1].Value);
        Assert.Equal(["e4", "e12", "z2", "z9", "a3"], messages);
        Assert.Contains("<p class=\"build-summary\"><strong>3 errors</strong> and 2 warnings in 3 files.", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(html, "<section class=\"build-file\" aria-labelledby=\"file-\\d\">\n<h2 id=\"file-\\d\">.*\n<ol class=\"diagnostics\">\n"));
    }

    [Fact]
    public void A_single_error_is_counted_in_the_singular()
    {
        // Given a build that failed on one error in one file
        var result = new BuildResult([Diagnostic.Error(DiagnosticCodes.InvalidValue, new SourceLocation("input/essay.md", 1, 1), "bad")], [], false);

        // When the page is rendered
        var html = ErrorPage.Render(new PreviewBuild(2, result, TimeSpan.Zero, []), "v-2");

        // Then the summary speaks of it, not of them
        Assert.Contains("<p class=\"build-summary\"><strong>1 error</strong> in 1 file. Fix it and save: this page reloads by itself", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, 8, 1, new[] { "1|title: x", "2|titel: \"AI and trade\"", "3|date: 2025-01-01" }, 1, "titel: ")]
    [InlineData(1, 1, 1, new[] { "1|title: x", "2|titel: \"AI and trade\"" }, 0, "")]
    [InlineData(4, 6, 3, new[] { "3|date: 2025-01-01", "4|end" }, 1, "end")]
    [InlineData(4, 99, 3, new[] { "3|date: 2025-01-01", "4|end" }, 1, "end")]
    public void Excerpt_shows_the_line_with_one_line_around_it_and_the_caret_under_the_column(
        int line, int column, int firstNumber, string[] lines, int at, string beforeCaret)
    {
        // Given a file of four lines, the last without a line break
        using var site = TempSite.Empty();
        site.Write("input/essay.md", "title: x\ntitel: \"AI and trade\"\r\ndate: 2025-01-01\nend");

        // When the excerpt at a place is read
        var excerpt = SourceExcerpt.Read(site.Root, new SourceLocation("input/essay.md", line, column));

        // Then it holds the line and its neighbours (never past the file's ends), and the text before the caret
        Assert.NotNull(excerpt);
        Assert.Equal(lines, excerpt.Lines.Select((text, i) => $"{excerpt.FirstNumber + i}|{text}"));
        Assert.Equal(firstNumber, excerpt.FirstNumber);
        Assert.Equal(at, excerpt.At);
        Assert.Equal(beforeCaret, excerpt.Lines[at][..excerpt.CaretAt]);
    }

    [Theory]
    [InlineData("input/missing.md", 1, "a file that is not there")]
    [InlineData("input", 1, "a folder (a crashed build is reported at input/)")]
    [InlineData("input/essay.md", 9, "a line past the end")]
    [InlineData("../outside.md", 1, "a path out of the site")]
    [InlineData("input/media/photo.png", 1, "bytes that are not text")]
    public void No_excerpt_where_there_are_no_lines_to_show(string path, int line, string what)
    {
        // Given a site with a short essay, an image, and a file just outside it
        using var site = TempSite.Empty();
        site.Write("input/essay.md", "one\ntwo\n");
        site.WriteBytes("input/media/photo.png", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x0A]);
        File.WriteAllText(Path.Combine(site.Root, "..", "outside.md"), "secret\n");
        try
        {
            // When the excerpt is read
            // Then there is none
            Assert.True(SourceExcerpt.Read(site.Root, new SourceLocation(path, line, 1)) is null, what);
        }
        finally
        {
            File.Delete(Path.Combine(site.Root, "..", "outside.md"));
        }
    }

    [Fact]
    public void Long_line_is_cut_to_a_window_around_the_column_marked_by_an_ellipsis()
    {
        // Given a line of 300 characters with the problem at column 250
        using var site = TempSite.Empty();
        var text = string.Concat(Enumerable.Range(0, 30).Select(i => $"word{i:D2}....."));
        site.Write("input/essay.md", text + "\n");

        // When the excerpt is read
        var excerpt = SourceExcerpt.Read(site.Root, new SourceLocation("input/essay.md", 1, 250))!;

        // Then it shows 100 characters, the column a third of the way in, and says it is cut
        Assert.Equal(text.Substring(216, SourceExcerpt.Width), excerpt.Lines[0]);
        Assert.Equal(33, excerpt.CaretAt);
        Assert.True(excerpt.CutBefore);
        Assert.Equal(text[249], excerpt.Lines[0][excerpt.CaretAt]);
    }

    [Fact]
    public void Excerpt_is_escaped_and_its_caret_line_repeats_the_text_before_the_column_hidden_from_screen_readers()
    {
        // Given a note whose second line holds markup, a tab and a bidirectional override before the problem
        using var site = TempSite.Empty();
        site.Write("input/annotations/x.md", "---\nquote: <img src=x onerror=alert(1)>\t\u202Eok\n---\n");
        var result = new BuildResult([Diagnostic.Error(DiagnosticCodes.InvalidValue, new SourceLocation("input/annotations/x.md", 2, 38), "bad")], [], false);

        // When the page is rendered with the site's files at hand
        var html = ErrorPage.Render(new PreviewBuild(2, result, TimeSpan.Zero, []), "v-2", site.Root);

        // Then the lines are numbered, escaped, with the hidden characters made visible, and the caret sits after the same text
        Assert.Contains(
            "<pre class=\"excerpt\" tabindex=\"0\"><code><span class=\"excerpt-line\"><span class=\"excerpt-number\">1</span>---</span>"
            + "<span class=\"excerpt-line is-at\"><span class=\"excerpt-number\">2</span>quote: &lt;img src=x onerror=alert(1)&gt;\\x09&lt;U+202E&gt;ok</span>"
            + "<span class=\"excerpt-caret\" aria-hidden=\"true\"><span class=\"excerpt-number\"></span><span class=\"excerpt-pad\">quote: &lt;img src=x onerror=alert(1)&gt;\\x09&lt;U+202E&gt;</span>^</span>"
            + "<span class=\"excerpt-line\"><span class=\"excerpt-number\">3</span>---</span></code></pre>",
            html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", html, StringComparison.Ordinal);
    }
}

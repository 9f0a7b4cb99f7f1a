using Marginalia.Diagnostics;
using Marginalia.Preview;
using Marginalia.Site;

namespace Marginalia.Tests.Preview;

public sealed class ErrorPageTests
{
    [Fact]
    public void Error_page_lists_each_diagnostic_and_hint_escaped_with_the_reload_script()
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

        // Then each line reads as on the console, escaped, and the page reloads itself once fixed
        Assert.Contains("<p>1 error, 1 warning. Fix them and save", html, StringComparison.Ordinal);
        Assert.Contains(
            "<li><p><code>input/annotations/x.md:4:9: error MG0112: url &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39; is not allowed</code></p><p>hint: use an https:// address &amp; nothing else</p></li>",
            html, StringComparison.Ordinal);
        Assert.Contains("<li><p><code>input/site.yml:2:1: warning MG0110: unknown field &quot;titel&quot;</code></p></li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.EndsWith("</main>\n<script src=\"/__marginalia/reload.js\" data-version=\"0badcafe-3\" defer></script>\n</body>\n</html>\n", html, StringComparison.Ordinal);
    }
}

using Marginalia.Preview;

namespace Marginalia.Tests.Preview;

public sealed class LiveReloadTests
{
    private const string Tag = "<script src=\"/__marginalia/reload.js\" data-version=\"0badcafe-7\" defer></script>\n";

    [Fact]
    public void Script_tag_goes_before_the_last_closing_body_tag_whatever_its_case()
    {
        // Given a page whose text mentions </body> before the real, upper-case one
        const string html = "<html><body><p>Write &lt;/body&gt; or </body> in code</p>\n</BODY>\n</html>\n";

        // When the script is injected
        var injected = LiveReload.Inject(html, "0badcafe-7");

        // Then it sits just before the last one, and nothing else changes
        Assert.Equal("<html><body><p>Write &lt;/body&gt; or </body> in code</p>\n" + Tag + "</BODY>\n</html>\n", injected);
    }

    [Fact]
    public void Script_tag_is_appended_to_a_page_without_a_body_end()
    {
        // Given a fragment with no </body>
        // When the script is injected
        var injected = LiveReload.Inject("<p>fragment</p>\n", "0badcafe-7");

        // Then it is at the end
        Assert.Equal("<p>fragment</p>\n" + Tag, injected);
    }
}

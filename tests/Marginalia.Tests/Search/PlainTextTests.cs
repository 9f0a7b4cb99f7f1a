using Marginalia.Search;

namespace Marginalia.Tests.Search;

public sealed class PlainTextTests
{
    [Theory]
    [InlineData("<p>One</p><ul><li>two</li><li>three &amp; four</li></ul>", "One two three & four")]
    [InlineData("<p>A <a href=\"https://example.org\">link</a> and <em>emphasis</em>.</p>", "A link and emphasis.")]
    [InlineData("<p>Line<br>break</p>\n\n<blockquote><p>Quoted</p></blockquote>", "Line break Quoted")]
    [InlineData("plain text, no markup", "plain text, no markup")]
    [InlineData("<p>Tom&nbsp;&amp;&nbsp;Jerry<!-- not read --></p><pre>a &lt;b&gt;</pre>", "Tom & Jerry a <b>")]
    [InlineData("<table><tr><td>cell</td><td>next</td></tr></table><p>x<br/>y<wbr>z</p>", "cell next x yz")]
    public void A_body_reads_as_its_words_with_blocks_kept_apart(string html, string text)
    {
        Assert.Equal(text, PlainText.Of(html));
    }
}

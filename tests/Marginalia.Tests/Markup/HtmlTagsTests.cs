using Marginalia.Markup;

namespace Marginalia.Tests.Markup;

public sealed class HtmlTagsTests
{
    [Fact]
    public void A_repeated_attribute_counts_once_the_first_as_a_browser_reads_it()
    {
        var tag = HtmlTokens.Of("<a href=\"one.html\" class=\"x\" HREF=\"two.html\">").First().Tag!;

        Assert.Equal([("href", "one.html"), ("class", "x")], HtmlTags.Attributes(tag));
    }

    [Theory]
    [InlineData("<img src=\"a.png\" alt=\"&quot;A&quot; &amp; b\"/>", "<img src=\"a.png\" alt=\"&quot;A&quot; &amp; b\">")]
    [InlineData("<circle r=\"1\"/>", "<circle r=\"1\" />")]
    [InlineData("<a title=\"it's <b>\">", "<a title=\"it&#39;s &lt;b&gt;\">")]
    public void A_start_tag_is_written_with_each_value_escaped_and_a_void_element_unclosed(string source, string written)
    {
        var tag = HtmlTokens.Of(source).First().Tag!;
        var output = new StringWriter();

        HtmlTags.WriteStartTag(output, tag, HtmlTags.Attributes(tag), Marginalia.Theme.HtmlTextEncoder.Instance);

        Assert.Equal(written, output.ToString());
    }
}

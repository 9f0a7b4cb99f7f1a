using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Xml;
using Marginalia.Editions.Epub;

namespace Marginalia.Tests.Editions.Epub;

public class XhtmlWriterTests
{
    private static readonly HtmlParser Parser = new();

    public static TheoryData<string> Bodies => new()
    {
        // Text and attribute values with every character either serialiser might escape
        "<p class=\"a&amp;b &lt;c&gt; &quot;d&quot; 'e' f\u00A0g\">one &amp; two &lt; three &gt; four \"five\" 'six' seven\u00A0eight</p>",

        // Empty elements, void elements, and a void element given children by the DOM below
        "<p></p><br><img src=\"x.png\" alt=\"\"><hr><span></span><a href=\"#n\">1</a><wbr>",

        // Comments, nesting, tables, lists, headings, asides
        "<!-- a comment & <b>not markup</b> --><section id=\"s\"><h2>T</h2><ul><li>a<ul><li>b</li></ul></li></ul><table><thead><tr><th>h</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table><aside epub:type=\"footnote\" id=\"n1\"><p>x</p></aside></section>",

        // Elements the writer leaves to the formatter: a pre with a leading line break, a textarea, a template, a script and a style
        "<pre>\nline one\n  line two &amp; &lt;</pre><textarea>\nq</textarea><template><p>in &amp; out</p></template><script>if (a < b && c) {}</script><style>p > a { }</style><listing>\nl</listing>",

        // Raw-text elements, in HTML and inside SVG, where a serialiser might write their text as it is or escaped
        "<svg><style>a &lt; b &amp; c</style><script>x &amp;&amp; y</script></svg><noscript><p>n &amp; s</p></noscript><iframe>i &amp; j</iframe><xmp>a<b</xmp><noembed>e</noembed><noframes>f &amp; g</noframes>",

        // Foreign content with prefixed attributes, and text a reading system must never see raw
        "<svg viewBox=\"0 0 1 1\"><g><path d=\"M0 0\"/><a xlink:href=\"#x\">t</a></g></svg><math><mi>x</mi></math><p>\u2019emoji \U0001F600 and a tab\tend</p>",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void It_writes_a_body_exactly_as_AngleSharps_XML_formatter_does(string html)
    {
        var body = Parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>").Body!;

        Assert.Equal(Formatter(body), Written(body));
    }

    [Fact]
    public void Elements_built_in_code_with_namespaced_names_and_no_children_are_written_as_the_formatter_writes_them()
    {
        var document = Parser.ParseDocument(string.Empty);
        var body = document.Body!;
        body.SetAttribute("epub:type", "bodymatter");
        var aside = document.CreateElement("aside");
        aside.SetAttribute("xml:lang", "hi");
        aside.SetAttribute("title", "a \"quoted\" <title> & more");
        aside.AppendChild(document.CreateElement("br"));
        aside.AppendChild(document.CreateElement("div"));
        aside.AppendChild(document.CreateTextNode("text & <markup>"));
        aside.AppendChild(document.CreateComment(" note "));
        var image = document.CreateElement("img");
        image.AppendChild(document.CreateTextNode("a child of a void element"));
        aside.AppendChild(image);
        body.AppendChild(aside);

        Assert.Equal(Formatter(body), Written(body));
        Assert.Contains("<br />", Written(body), StringComparison.Ordinal);
        Assert.Contains("<div></div>", Written(body), StringComparison.Ordinal);
    }

    private static string Formatter(INode node)
    {
        using var writer = new StringWriter();
        node.ToHtml(writer, XmlMarkupFormatter.Instance);
        return writer.ToString();
    }

    private static string Written(INode node)
    {
        using var writer = new StringWriter();
        XhtmlWriter.Write(node, writer);
        return writer.ToString();
    }
}

namespace Marginalia.Tests.Contributions;

/// <summary>
/// A body is empty (MG0606, at its first line) when what it renders to shows nothing: no character that is not white
/// space, a format character or a blank, and no image with a description. Emptiness is decided on the sanitised HTML.
/// </summary>
public class EmptyBodyTests
{
    [Theory]
    [InlineData("[a]: https://x.test\n")]
    [InlineData("[a]: https://x.test\n[b]: https://y.test \"title\"\n")]
    [InlineData("&nbsp;\n")]
    [InlineData("&nbsp;&ensp;&emsp;&thinsp;&#x2003;&#32;&#x3000;\n")]
    [InlineData("&#xA0;\n\n&#160;\n")]
    [InlineData("** **\n")]
    [InlineData("* *\n")]
    [InlineData("- - -x\n", false)]
    [InlineData("**&nbsp;**\n", false)]
    [InlineData("*&#x2003;*\n", false)]
    [InlineData("---\n")]
    [InlineData("***\n\n___\n")]
    [InlineData("[](https://x.test)\n")]
    [InlineData("[&nbsp;](https://x.test)\n")]
    [InlineData("<https://x.test>\n", false)]
    [InlineData("&zwnj;&zwj;&lrm;&rlm;\n")]
    [InlineData("&shy;\n")]
    [InlineData("\u2800\n")]
    [InlineData("> \n>\n")]
    [InlineData("-\n-\n")]
    [InlineData("``` \n```\n")]
    [InlineData("|  |\n|--|\n")]
    public void A_body_that_renders_to_nothing_visible_is_empty(string body, bool empty = true)
    {
        var (rendered, errors) = BodyRendering.Render(body);
        if (empty)
        {
            Assert.Null(rendered);
            Assert.Equal(["MG0606 10:1"], errors);
        }
        else
        {
            Assert.Empty(errors);
        }
    }

    [Theory]
    [InlineData("x\n")]
    [InlineData("0\n")]
    [InlineData("**b**\n")]
    [InlineData("`code`\n")]
    [InlineData("[link](https://x.test)\n")]
    [InlineData("&amp;\n")]
    [InlineData("—\n")]
    [InlineData("हि\n")]
    [InlineData("😀\n")]
    public void A_body_with_a_visible_character_is_not_empty(string body)
    {
        var (rendered, errors) = BodyRendering.Render(body);
        Assert.Empty(errors);
        Assert.NotNull(rendered);
    }

    [Fact]
    public void An_image_with_a_description_counts_and_one_without_does_not()
    {
        var media = Path.Combine(Path.GetTempPath(), "marginalia-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(media);
        File.WriteAllBytes(Path.Combine(media, "map.png"), [0x89, 0x50, 0x4E, 0x47]);
        try
        {
            var (described, none) = (BodyRendering.Render("![A map of Assam](media/map.png)\n", media: media), BodyRendering.Render("![](media/map.png)\n", media: media));
            Assert.Empty(described.Errors);
            Assert.Contains("alt=\"A map of Assam\"", described.Body!.Html, StringComparison.Ordinal);
            Assert.Equal(["MG0606 10:1"], none.Errors);
            Assert.Equal(["MG0606 10:1"], BodyRendering.Render("![&nbsp;](media/map.png)\n", media: media).Errors);
        }
        finally
        {
            Directory.Delete(media, recursive: true);
        }
    }
}

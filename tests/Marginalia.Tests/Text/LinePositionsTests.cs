using Marginalia.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Marginalia.Tests.Text;

public class LinePositionsTests
{
    [Theory]
    [InlineData("abc", 0, 0, 1)]
    [InlineData("abc", 2, 0, 3)]
    [InlineData("ab\ncd\n\nef", 3, 1, 1)]
    [InlineData("ab\ncd\n\nef", 4, 1, 2)]
    [InlineData("ab\ncd\n\nef", 6, 2, 1)]
    [InlineData("ab\ncd\n\nef", 8, 3, 2)]
    public void An_offset_gives_its_zero_based_line_and_one_based_column(string text, int offset, int line, int column) =>
        Assert.Equal((line, column), new LinePositions(text).At(offset));

    [Theory]
    [InlineData("x\n<a>b\n===", 1, 1)]
    [InlineData("x\ny\nz <a>\n---", 2, 3)]
    [InlineData("> q\n> r <a>\n> ===", 1, 5)]
    public void An_inline_in_a_multi_line_setext_heading_is_placed_on_its_own_line(string markdown, int line, int column)
    {
        var document = Markdown.Parse(markdown, new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build());
        var html = document.Descendants<HtmlInline>().First();
        Assert.Equal((line, column), new LinePositions(markdown).At(html));
    }
}

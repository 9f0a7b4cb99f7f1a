using Marginalia.Content;
using Marginalia.Diagnostics;

namespace Marginalia.Tests.Content;

public class SourceFileReaderTests
{
    [Fact]
    public void Invalid_utf8_is_reported_at_its_line_and_column_not_replaced()
    {
        // Given a byte 0xFF in the second line, after "ab" ("é" is two bytes but one column)
        var bytes = "title: x\né"u8.ToArray().Concat(new byte[] { (byte)'a', 0xFF, (byte)'b' }).ToArray();
        var diagnostics = new DiagnosticBag();

        // When it is decoded
        var text = SourceFileReader.Decode(bytes, "/x/essay.md", "input/essay.md", diagnostics);

        // Then nothing is returned and the error points at line 2, column 3
        Assert.Null(text);
        Assert.Equal("input/essay.md:2:3: error MG0103: invalid UTF-8 byte 0xFF", Assert.Single(diagnostics.Sorted()).ToString());
    }

    [Fact]
    public void A_byte_order_mark_is_dropped_and_crlf_becomes_lf()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat("a\r\nb’\r\n"u8.ToArray()).ToArray();
        var diagnostics = new DiagnosticBag();

        var text = SourceFileReader.Decode(bytes, "/x", "x", diagnostics);

        Assert.Equal("a\nb’\n", text!.Text);
        Assert.Equal(0, diagnostics.Count);
    }

    [Fact]
    public void A_missing_file_is_reported_not_thrown()
    {
        var diagnostics = new DiagnosticBag();

        var text = SourceFileReader.Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")), "input/gone.md", diagnostics);

        Assert.Null(text);
        Assert.Equal("input/gone.md:1:1: error MG0101: file does not exist", Assert.Single(diagnostics.Sorted()).ToString());
    }

    [Fact]
    public void An_unreadable_file_is_reported_with_the_reason()
    {
        // Given a path that exists but cannot be read as a file (a folder): permissions cannot be tested as root
        var folder = Directory.CreateTempSubdirectory("marginalia-unreadable").FullName;
        var diagnostics = new DiagnosticBag();

        var text = SourceFileReader.Read(folder, "input/essay.md", diagnostics);

        Assert.Null(text);
        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal("MG0102", error.Code.Id);
        Assert.StartsWith("cannot read file: ", error.Message, StringComparison.Ordinal);
        Directory.Delete(folder);
    }
}

using System.Text;
using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Tests.Support;

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

    [Fact]
    public void A_file_over_512_kb_is_refused_with_its_size_before_it_is_read()
    {
        // Given a file one byte over the limit whose bytes are not even UTF-8 (so a decode would report something else)
        using var site = TempSite.Empty();
        site.WriteBytes("input/annotations/huge.md", Enumerable.Repeat((byte)0xFF, 512 * 1024 + 1).ToArray());
        var diagnostics = new DiagnosticBag();

        // When it is read
        var text = SourceFileReader.Read(site.PathOf("input/annotations/huge.md"), "input/annotations/huge.md", diagnostics);

        // Then it is refused for its size alone, naming the size and the limit
        Assert.Null(text);
        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal("input/annotations/huge.md:1:1: error MG0115: the file is 524,289 bytes; at most 524,288 bytes (512 KB) are allowed", error.ToString());
        Assert.Equal("a contributed file is a few kilobytes: shorten it or split it into several", error.Hint);
    }

    [Fact]
    public void A_file_of_exactly_512_kb_is_read()
    {
        using var site = TempSite.Empty();
        site.WriteBytes("input/essay.md", Enumerable.Repeat((byte)'a', SourceFileReader.MaxBytes).ToArray());
        var diagnostics = new DiagnosticBag();

        var text = SourceFileReader.Read(site.PathOf("input/essay.md"), "input/essay.md", diagnostics);

        Assert.Equal(524_288, text!.Text.Length);
        Assert.Equal(0, diagnostics.Count);
    }

    [Fact]
    public void Bytes_over_512_kb_are_refused_by_decode_too()
    {
        var diagnostics = new DiagnosticBag();

        var text = SourceFileReader.Decode(new byte[600_000], "/x", "input/site.yml", diagnostics);

        Assert.Null(text);
        Assert.Equal("input/site.yml:1:1: error MG0115: the file is 600,000 bytes; at most 524,288 bytes (512 KB) are allowed", Assert.Single(diagnostics.Sorted()).ToString());
    }

    [Fact]
    public void A_nul_byte_is_reported_at_its_line_and_column()
    {
        // Given a NUL after "ab" on the third line, with a BOM and CRLF before it (neither shifts the position)
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat("---\r\nquote: é\r\nab"u8.ToArray()).Concat(new byte[] { 0 }).Concat("c\n"u8.ToArray()).ToArray();
        var diagnostics = new DiagnosticBag();

        var text = SourceFileReader.Decode(bytes, "/x", "input/annotations/nul.md", diagnostics);

        Assert.Null(text);
        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal("input/annotations/nul.md:3:3: error MG0116: NUL byte (0x00) in a text file", error.ToString());
        Assert.Equal("remove it: a text file never holds NUL (a file saved as UTF-16, or a binary file, does)", error.Hint);
    }

    [Fact]
    public void A_nul_byte_first_in_the_file_is_at_line_1_column_1_and_later_ones_are_counted()
    {
        var diagnostics = new DiagnosticBag();

        var text = SourceFileReader.Decode(new byte[] { 0, (byte)'a', 0, (byte)'\n', 0 }, "/x", "input/essay.md", diagnostics);

        Assert.Null(text);
        Assert.Equal("input/essay.md:1:1: error MG0116: NUL byte (0x00) in a text file, and 2 more after it", Assert.Single(diagnostics.Sorted()).ToString());
    }

    [Fact]
    public void A_utf16_file_is_refused_for_its_nul_bytes_not_read_as_garbage()
    {
        // Given "---" saved as UTF-16LE (no BOM): valid UTF-8, but every other byte is NUL
        var diagnostics = new DiagnosticBag();

        var text = SourceFileReader.Decode(Encoding.Unicode.GetBytes("---\n"), "/x", "input/site.yml", diagnostics);

        Assert.Null(text);
        Assert.Equal("input/site.yml:1:2: error MG0116: NUL byte (0x00) in a text file, and 3 more after it", Assert.Single(diagnostics.Sorted()).ToString());
    }

    [Fact]
    public async Task A_note_with_a_bom_and_crlf_line_endings_builds_its_quote_anchors_and_no_bom_reaches_the_output()
    {
        // Given the repository's site with the essay and a new note both saved with a BOM and CRLF line endings
        using var site = TempSite.CopyOfRepository();
        var bom = new byte[] { 0xEF, 0xBB, 0xBF };
        site.WriteBytes("input/essay.md", [.. bom, .. Encoding.UTF8.GetBytes(site.Read("input/essay.md").Replace("\n", "\r\n", StringComparison.Ordinal))]);
        var note = "---\r\nquote: \"India’s Bhashini project\"\r\nauthor: octo-cat\r\ncreated: 2026-11-27\r\n---\r\nSaved on Windows.\r\n";
        site.WriteBytes("input/annotations/windows-saved.md", [.. bom, .. Encoding.UTF8.GetBytes(note)]);

        // When the site is built
        var result = await site.BuildAsync();

        // Then it builds, the note is anchored on its quote, and no BOM (as bytes or as U+FEFF) is anywhere in the output
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var html = site.Read("output/index.html");
        Assert.Contains("id=\"note-windows-saved\"", html, StringComparison.Ordinal);
        Assert.Contains("Saved on Windows.", html, StringComparison.Ordinal);
        var output = site.Snapshot();
        Assert.DoesNotContain(output, f => f.Value.AsSpan().IndexOf(bom) >= 0);
        Assert.DoesNotContain(output, f => f.Key.EndsWith(".html", StringComparison.Ordinal) && Encoding.UTF8.GetString(f.Value).Contains('\uFEFF', StringComparison.Ordinal));
        Assert.DoesNotContain(output, f => f.Key.EndsWith(".html", StringComparison.Ordinal) && Encoding.UTF8.GetString(f.Value).Contains('\r', StringComparison.Ordinal));
    }
}

using System.Text;
using Marginalia.Annotations.Export;

namespace Marginalia.Tests.Annotations.Export;

public sealed class EssayTextFileTests
{
    [Fact]
    public void Essay_text_is_written_as_utf8_without_a_byte_order_mark()
    {
        // Given the essay text with a typographic apostrophe and an emoji
        const string text = "India’s 🌍";

        // When it is encoded for essay.txt
        var bytes = EssayTextFile.Encode(text);

        // Then the bytes are its UTF-8 form and nothing else
        Assert.Equal(new byte[] { 0x49, 0x6E, 0x64, 0x69, 0x61, 0xE2, 0x80, 0x99, 0x73, 0x20, 0xF0, 0x9F, 0x8C, 0x8D }, bytes);
        Assert.Equal(text, Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Essay_text_with_a_lone_surrogate_is_refused_rather_than_replaced()
    {
        // Given a text whose emoji lost its second half
        const string text = "a\uD83C";

        // When it is encoded
        var error = Record.Exception(() => EssayTextFile.Encode(text));

        // Then encoding fails instead of writing U+FFFD, which the export's quotes would not match
        Assert.IsType<EncoderFallbackException>(error);
    }
}

using Marginalia.Diagnostics;

namespace Marginalia.Tests.Diagnostics;

public sealed class VisibleTextTests
{
    /// <summary>Every character a terminal, log or browser acts on instead of showing, with the escape it prints as.</summary>
    public static TheoryData<string, string> Hidden()
    {
        var data = new TheoryData<string, string>();
        for (var c = 0; c < 0x20; c++)
        {
            data.Add(((char)c).ToString(), $"\\x{c:X2}");
        }

        data.Add("\u007F", "\\x7F");
        for (var c = 0x80; c <= 0x9F; c++)
        {
            data.Add(((char)c).ToString(), $"\\x{c:X2}"); // C1, with CSI U+009B
        }

        foreach (var c in new[] { 0x00AD, 0x034F, 0x061C, 0x115F, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2028, 0x2029,
                     0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069,
                     0x206A, 0x206F, 0x2800, 0x3164, 0xFEFF, 0xFFA0, 0xFFF9, 0xFFFB, 0xFFFE, 0xFFFF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF })
        {
            data.Add(((char)c).ToString(), $"<U+{c:X4}>");
        }

        data.Add(char.ConvertFromUtf32(0xE0041), "<U+E0041>"); // a tag character, a surrogate pair
        data.Add(char.ConvertFromUtf32(0xE0001), "<U+E0001>");
        data.Add(char.ConvertFromUtf32(0x1D173), "<U+1D173>"); // a musical format control
        return data;
    }

    [Theory]
    [MemberData(nameof(Hidden), DisableDiscoveryEnumeration = true)]
    public void A_hidden_character_is_written_as_its_visible_escape_wherever_it_stands(string hidden, string escape)
    {
        Assert.Equal(escape, VisibleText.Escape(hidden));
        Assert.Equal($"a{escape}b", VisibleText.Escape($"a{hidden}b"));
        Assert.Equal($"{escape}{escape}", VisibleText.Escape(hidden + hidden));
        Assert.Equal($"é{escape}", VisibleText.Escape($"é{hidden}"));
    }

    [Theory]
    [MemberData(nameof(Hidden), DisableDiscoveryEnumeration = true)]
    public void Escaping_is_idempotent(string hidden, string escape)
    {
        var once = VisibleText.Escape($"x{hidden}y");

        Assert.Equal(once, VisibleText.Escape(once));
        Assert.Contains(escape, once, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("input/annotations/bhashini.md")]
    [InlineData("India’s Bhashini project — “AI” in local languages")]
    [InlineData("हिन्दी भाषा, 中文, العربية, emoji 😀 and a\u00A0non-breaking space")]
    [InlineData("C:\\path\\with\\backslashes and 100% of it")]
    [InlineData("")]
    public void Printable_text_is_left_as_it_is(string text) => Assert.Same(text, VisibleText.Escape(text));

    [Fact]
    public void A_terminal_attack_prints_as_one_visible_line()
    {
        Assert.Equal("x\\x1B[2J\\x1B[H\\x0DALL CHECKS PASSED\\x0A\\x9B31m", VisibleText.Escape("x\u001B[2J\u001B[H\rALL CHECKS PASSED\n\u009B31m"));
    }

    [Theory]
    [MemberData(nameof(Hidden), DisableDiscoveryEnumeration = true)]
    public void A_diagnostic_holds_its_path_message_and_hint_escaped_however_it_is_made(string hidden, string escape)
    {
        var location = new SourceLocation($"input/annotations/a{hidden}.md", 2, 3);

        var made = Diagnostic.Error(DiagnosticCodes.InvalidValue, location, $"m{hidden}", $"h{hidden}");
        var copied = made with { Message = $"n{hidden}", Hint = $"i{hidden}", Location = location };

        foreach (var diagnostic in new[] { made, copied })
        {
            Assert.Equal($"input/annotations/a{escape}.md", diagnostic.Location.Path);
            Assert.EndsWith(escape, diagnostic.Message, StringComparison.Ordinal);
            Assert.EndsWith(escape, diagnostic.Hint, StringComparison.Ordinal);
            Assert.Equal(2, diagnostic.Location.Line);
            Assert.Equal(3, diagnostic.Location.Column);
        }
    }
}

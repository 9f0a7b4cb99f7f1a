using System.Globalization;
using Marginalia.Tests.Contributions;

namespace Marginalia.Tests.Content;

/// <summary>
/// The invisible-character rule (MG0614) and the XML rule (MG0620) hold for what a body decodes to: a character
/// reference, named or numeric, in text, a link's text, address or title, an image's description, a link definition
/// or a code block's info string is an error at the reference. References inside code are text and stay allowed.
/// </summary>
public class BodyCharactersTests
{
    /// <summary>Every character the two rules cover: C0 (less tab and LF), DEL and C1, U+FFFE, U+FFFF, surrogates, the invisible ones.</summary>
    public static IEnumerable<int> Covered() =>
        Enumerable.Range(0, 0x20).Where(c => c is not (0x9 or 0xA))
            .Concat(Enumerable.Range(0x7F, 0x21))
            .Concat([0xFFFE, 0xFFFF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0x110000])
            .Concat([0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200B, 0x2060, 0xFEFF]);

    /// <summary>The code expected for a reference to <paramref name="codePoint"/>.</summary>
    public static string CodeFor(int codePoint) =>
        codePoint is 0 or 0xFFFE or 0xFFFF or (>= 0xD800 and <= 0xDFFF) or > 0x10FFFF ? "MG0620" : "MG0614";

    // Where a reference sits, as a body with {0} for it, and the column the reference starts at.
    private static readonly (string Place, string Body, int Column)[] Places =
    [
        ("text", "A {0} b.\n", 3),
        ("emphasis", "A *b{0}* c.\n", 5),
        ("link text", "A [b{0}](https://x.test) c.\n", 5),
        ("link address", "A [b](https://x.test/{0}) c.\n", 22),
        ("link title", "A [b](https://x.test \"t{0}\") c.\n", 24),
        ("image description", "![a{0}](media/none.png)\n", 4),
        ("definition address", "A [b][r].\n\n[r]: https://x.test/{0}\n", 21),
        ("definition title", "A [b][r].\n\n[r]: https://x.test \"t{0}\"\n", 23),
        ("table cell", "a|b\n-|-\nc|{0}\n", 3),
        ("heading text", "Title {0}\n===\n", 7),
    ];

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var (place, _, _) in Places)
        {
            foreach (var c in Covered())
            {
                data.Add(place, c);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_reference_to_a_forbidden_character_is_an_error_at_the_reference(string place, int codePoint)
    {
        var (_, template, column) = Places.Single(p => p.Place == place);
        foreach (var reference in new[] { $"&#x{codePoint:X};", $"&#{codePoint.ToString(CultureInfo.InvariantCulture)};", $"&#X{codePoint:x4};" })
        {
            var body = string.Format(CultureInfo.InvariantCulture, template, reference);
            var line = BodyRendering.BodyLine + body[..body.IndexOf('&', StringComparison.Ordinal)].Count(c => c == '\n');
            var (rendered, errors) = BodyRendering.Render(body);
            Assert.Null(rendered);

            // The image's file does not exist and headings are not allowed in notes: those errors come too, elsewhere.
            var expected = $"{CodeFor(codePoint)} {line}:{column}";
            Assert.True(errors.Contains(expected), $"{place} {reference}: expected {expected}, got {string.Join(",", errors)}");
            Assert.DoesNotContain(errors, e => e.StartsWith("MG0004", StringComparison.Ordinal));
        }
    }

    public static TheoryData<string, string> NamedReferences => new()
    {
        { "&ZeroWidthSpace;", "MG0614 10:3" },
        { "&NegativeThinSpace;", "MG0614 10:3" },
        { "&NoBreak;", "MG0614 10:3" },
        { "&rlm;&#x202E;", "MG0614 10:8" },
    };

    [Theory]
    [MemberData(nameof(NamedReferences))]
    public void A_named_reference_to_an_invisible_character_is_an_error(string reference, string expected)
    {
        var (_, errors) = BodyRendering.Render($"A {reference} b.\n");
        Assert.Equal([expected], errors);
    }

    public static TheoryData<string, string> PercentEscapes => new()
    {
        { "[a](https://x.test/%E2%80%AE)\n", "MG0614 10:5" },
        { "[a](https://x.test/%00)\n", "MG0614 10:5" },
        { "[a](https://x.test/%EF%BF%BE)\n", "MG0620 10:5" },
        { "<https://x.test/%E2%80%8B>\n", "MG0614 10:1" },
        { "[a][r]\n\n[r]: https://x.test/%C2%85\n", "MG0614 12:6" },
    };

    [Theory]
    [MemberData(nameof(PercentEscapes))]
    public void A_link_address_whose_escapes_decode_to_a_forbidden_character_is_an_error(string body, string expected)
    {
        var (_, errors) = BodyRendering.Render(body);
        Assert.Equal([expected], errors);
    }

    [Theory]
    [InlineData(0xFFFE)]
    [InlineData(0xFFFF)]
    [InlineData(0xD800)]
    [InlineData(0xDBFF)]
    [InlineData(0xDC00)]
    [InlineData(0xDFFF)]
    public void A_literal_character_XML_cannot_hold_is_an_error_at_it(int character)
    {
        // (A file is read as strict UTF-8, so a lone surrogate cannot come from one; the body check holds anyway.)
        var (_, errors) = BodyRendering.Render($"A {(char)character} b.\n");
        Assert.Equal(["MG0620 10:3"], errors);
    }

    [Theory]
    [InlineData("Code `&#x202E; &#x1; &#xFFFE;` is shown as written.\n")]
    [InlineData("```\n&#x202E; &#0;\n```\n")]
    [InlineData("    &#x200B; &#xFFFF;\n")]
    [InlineData("Escaped \\&#x202E; is text.\n")]
    [InlineData("Tabs &#9; and line feeds &#10; and joiners &zwnj;&zwj; &#x200D; and marks &lrm;&rlm; are fine.\n")]
    [InlineData("Astral &#x1F600; and &#x10FFFD; and U+FFFD &#xFFFD; are fine.\n")]
    public void A_reference_shown_as_text_or_to_an_allowed_character_is_allowed(string body)
    {
        var (rendered, errors) = BodyRendering.Render(body);
        Assert.Empty(errors);
        Assert.NotNull(rendered);
    }
}

using Marginalia.Text;

namespace Marginalia.Tests.Text;

public class XmlCharactersWriterTests
{
    // Text with what XML cannot hold (C0 controls, U+FFFE, U+FFFF, lone surrogates of each kind) among what it can
    // (tab, line ends, accents, a pair for an emoji, the last characters before each gap).
    private const string Mixed = "a\u0001b\tc\r\nd\u0008é\uD83D\uDE00f\uFFFEg\uD800h\uDC00i\uD7FF\uE000\uFFFD\u001F\uFFFF\uD83D";

    public static TheoryData<int> Splits() => [1, 2, 3, 5, 7, 11, Mixed.Length];

    [Theory]
    [MemberData(nameof(Splits))]
    public void Written_in_pieces_of_any_size_it_passes_on_what_Clean_keeps_of_the_whole(int piece)
    {
        using var output = new StringWriter();
        using (var writer = new XmlCharactersWriter(output))
        {
            for (var at = 0; at < Mixed.Length; at += piece)
            {
                writer.Write(Mixed.AsSpan(at, Math.Min(piece, Mixed.Length - at)));
            }
        }

        Assert.Equal(XmlCharacters.Clean(Mixed), output.ToString());
        Assert.Equal("ab\tc\r\ndé\uD83D\uDE00fghi\uD7FF\uE000\uFFFD", output.ToString());
    }

    [Fact]
    public void A_pair_split_between_a_string_and_a_character_stays_whole()
    {
        using var output = new StringWriter();
        var writer = new XmlCharactersWriter(output);

        writer.Write("x\uD83D");
        writer.Write('\uDE00');
        writer.Write(['\uD83D', 'y'], 0, 2);

        Assert.Equal("x\uD83D\uDE00y", output.ToString());
    }

    [Fact]
    public void Of_all_65536_characters_in_one_run_it_passes_on_exactly_those_XML_holds_alone()
    {
        // Every UTF-16 code unit once, in order: the run the scan sees is the whole table.
        var all = new string(Enumerable.Range(0, 0x10000).Select(c => (char)c).ToArray());
        using var output = new StringWriter();
        using (var writer = new XmlCharactersWriter(output))
        {
            writer.Write(all.AsSpan());
        }

        // Kept: all but 29 controls, the 2,048 surrogates and U+FFFE/U+FFFF, except that U+DBFF, U+DC00 meet
        // in the run and make a pair, which stays whole.
        var kept = output.ToString();
        Assert.Equal(0x10000 - 29 - 2048 - 2 + 2, kept.Length);
        Assert.Equal("\t\n\r\u0020", kept[..4]);
        Assert.Equal("\uD7FF\uDBFF\uDC00\uE000", kept.Substring(kept.IndexOf('\uD7FF', StringComparison.Ordinal), 4));
        Assert.Equal(XmlCharacters.Clean(all), kept);
        Assert.Equal('\uFFFD', kept[^1]);
    }
}

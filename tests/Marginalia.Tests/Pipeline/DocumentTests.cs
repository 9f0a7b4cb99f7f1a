using Marginalia.Pipeline;

namespace Marginalia.Tests.Pipeline;

public class DocumentTests
{
    private static readonly MetadataKey<string> Title = new(nameof(Title));
    private static readonly MetadataKey<int> Count = new(nameof(Count));

    [Fact]
    public void With_returns_a_new_document_and_leaves_the_original_unchanged()
    {
        // Given a document
        var original = new Document("input/a.md", "a.html", "text");

        // When metadata and content are changed
        var changed = original.With(Title, "A").WithContent("new").WithDestination("b.html");

        // Then the original is as it was
        Assert.False(original.Metadata.Contains(Title));
        Assert.Equal("text", original.Content);
        Assert.Equal("a.html", original.Destination);
        Assert.Equal("A", changed.Get(Title));
        Assert.Equal("new", changed.Content);
        Assert.Equal("b.html", changed.Destination);
        Assert.Equal("input/a.md", changed.Source);
    }

    [Fact]
    public void Typed_keys_return_their_type_and_a_missing_key_says_which()
    {
        var document = new Document(null, null, string.Empty).With(Count, 3);

        Assert.Equal(3, document.Get(Count));
        Assert.Equal(7, document.Metadata.GetOrDefault(new MetadataKey<int>("Other"), 7));
        var error = Assert.Throws<KeyNotFoundException>(() => document.Get(Title));
        Assert.Equal("Document metadata has no 'Title'.", error.Message);
    }

    [Fact]
    public void Binary_documents_are_written_as_their_bytes_and_text_ones_as_utf8()
    {
        Assert.Equal(new byte[] { 1, 2, 3 }, Document.Binary(null, "x.png", new byte[] { 1, 2, 3 }).ToBytes().ToArray());
        Assert.Equal("é"u8.ToArray(), new Document(null, "x.txt", "é").ToBytes().ToArray());
    }

    [Fact]
    public void WriteBytes_hands_on_exactly_the_bytes_of_ToBytes_in_pieces_even_across_a_surrogate_pair()
    {
        // Given a text longer than one piece (16K characters) whose first piece ends between the halves of an emoji,
        // with accents and an emoji elsewhere
        var text = new string('a', 16 * 1024 - 1) + "\U0001F600" + string.Concat(Enumerable.Repeat("é, ü \U0001F4DA; ", 5000));
        var document = new Document(null, "a.html", text);

        // When its bytes are written a piece at a time
        var written = new List<byte>();
        var pieces = 0;
        document.WriteBytes(piece =>
        {
            written.AddRange(piece.ToArray());
            pieces++;
        });

        // Then the pieces joined are its UTF-8 bytes, and there was more than one
        Assert.Equal(document.ToBytes().ToArray(), written.ToArray());
        Assert.True(pieces > 1);
    }

    [Fact]
    public void WriteBytes_of_a_binary_document_is_its_bytes_and_of_an_empty_one_nothing()
    {
        var binary = Document.Binary(null, "a.png", new byte[] { 1, 2, 3 });
        var seen = new List<byte>();
        binary.WriteBytes(piece => seen.AddRange(piece.ToArray()));
        Assert.Equal([1, 2, 3], seen);

        var empty = new List<byte>();
        new Document(null, "e.txt", string.Empty).WriteBytes(piece => empty.AddRange(piece.ToArray()));
        Assert.Empty(empty);
    }

    [Fact]
    public void A_spilled_document_keeps_its_place_and_metadata_and_reads_back_its_text_and_bytes()
    {
        // Given a text document (accents, an emoji, a line end) and a binary one
        var text = new Document("input/a.md", "a.html", "Ça va \U0001F600\n", Metadata.Empty.With(Title, "A"));
        var binary = Document.Binary(null, "b.png", new byte[] { 0, 255, 7 });

        // When each is spilled to its file, and the text's destination changed afterwards
        var spilledText = text.Spill();
        var spilledBinary = binary.Spill();
        var moved = spilledText.WithDestination("c.html");

        // Then each is spilled, reads back what it held, and keeps its source, destination and metadata
        Assert.True(spilledText.IsSpilled);
        Assert.True(spilledBinary.IsSpilled);
        Assert.False(text.IsSpilled);
        Assert.Equal("Ça va \U0001F600\n", spilledText.Content);
        Assert.Null(spilledText.Bytes);
        Assert.Equal("Ça va \U0001F600\n"u8.ToArray(), spilledText.ToBytes().ToArray());
        Assert.Equal(("input/a.md", "a.html", "A"), (spilledText.Source, spilledText.Destination, spilledText.Get(Title)));
        Assert.Equal(string.Empty, spilledBinary.Content);
        Assert.Equal(new byte[] { 0, 255, 7 }, spilledBinary.Bytes!.Value.ToArray());
        Assert.True(moved.IsSpilled);
        Assert.Equal(("c.html", "Ça va \U0001F600\n"), (moved.Destination, moved.Content));
        Assert.Same(spilledText, spilledText.Spill());
    }

    [Fact]
    public void Size_counts_a_text_in_characters_and_a_binary_or_spilled_document_in_bytes()
    {
        // "Ça va 😀" is 8 UTF-16 characters and 11 UTF-8 bytes (Ç two bytes, the emoji four)
        var text = new Document(null, "a.html", "Ça va \U0001F600");
        var binary = Document.Binary(null, "b.png", new byte[] { 0, 255, 7 });

        Assert.Equal(8, text.Size);
        Assert.Equal(3, binary.Size);
        Assert.Equal(11, text.Spill().Size);
        Assert.Equal(3, binary.Spill().Size);
        Assert.Equal(0, new Document(null, null, string.Empty).Size);
    }

    [Fact]
    public void A_document_under_the_spill_size_stays_in_memory()
    {
        var document = new Document(null, "a.html", "short");

        Assert.Same(document, document.Spill(atLeast: 6));
        Assert.True(document.Spill(atLeast: 5).IsSpilled);
    }

    [Fact]
    public void A_spilled_document_writes_the_same_pieces_joined_as_the_document_in_memory()
    {
        // Given a text over several of the file's 64 KB pieces
        var text = string.Concat(Enumerable.Repeat("ü\U0001F4DA, ", 40_000));
        var document = new Document(null, "a.html", text);

        // When the spilled copy is written a piece at a time
        var written = new List<byte>();
        var pieces = 0;
        document.Spill().WriteBytes(piece =>
        {
            written.AddRange(piece.ToArray());
            pieces++;
        });

        // Then the pieces join to the bytes of the text
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(text), written.ToArray());
        Assert.True(pieces > 1, $"written in {pieces} piece(s)");
    }

    [SkippableFact]
    public void A_spilled_documents_file_has_no_name_in_the_temporary_folder()
    {
        Skip.If(OperatingSystem.IsWindows(), "Windows deletes the file when it is closed, not at once");
        // Given the temporary folder's spill files before
        string[] SpillFiles() => Directory.GetFiles(Path.GetTempPath(), "marginalia-*.spill");
        var before = SpillFiles();

        // When a document is spilled (and still held)
        var spilled = new Document(null, "a.html", "text").Spill();

        // Then no new file is to be seen, and yet the content is there
        Assert.Empty(SpillFiles().Except(before));
        Assert.Equal("text", spilled.Content);
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void A_document_written_as_utf8_stays_in_its_file_from_the_spill_size_and_is_read_back_into_memory_below_it(long spillSize, bool spilled)
    {
        // Given 100 bytes of UTF-8: 48 two-byte characters and 4 one-byte ones
        var text = new string('\u00e9', 48) + "abc\n";

        // When it is written as UTF-8 to a document
        var document = Document.WrittenUtf8("s", "a.jsonld", stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(text)), spillSize);

        // Then it stays in its file only from the spill size, and reads back the same either way
        Assert.Equal(spilled, document.IsSpilled);
        Assert.Equal(text, document.Content);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(text), document.ToBytes().ToArray());
        Assert.Equal(("s", "a.jsonld"), (document.Source, document.Destination));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_document_written_by_a_writer_holds_what_was_written_in_a_file_or_in_memory(bool spill)
    {
        var text = "Ça \U0001F4DA " + new string('x', 70_000);

        var document = Document.Written(null, "a.html", writer => { writer.Write(text[..5]); writer.Write(text[5..]); }, spill);

        Assert.Equal(spill, document.IsSpilled);
        Assert.Equal(text, document.Content);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(text), document.ToBytes().ToArray());
    }
}

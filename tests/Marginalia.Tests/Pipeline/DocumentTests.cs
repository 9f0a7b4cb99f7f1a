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
}

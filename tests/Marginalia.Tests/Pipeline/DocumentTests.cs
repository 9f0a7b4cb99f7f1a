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
}

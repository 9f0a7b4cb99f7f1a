namespace Marginalia.Pipeline;

/// <summary>
/// An immutable unit of work flowing through the pipelines: where it came from, where it will be written,
/// its metadata and its content. Modules return new documents (<c>With…</c>) and never change one.
/// </summary>
internal sealed class Document
{
    public Document(string? source, string? destination, string content, Metadata? metadata = null)
        : this(source, destination, content, null, metadata)
    {
    }

    private Document(string? source, string? destination, string content, ReadOnlyMemory<byte>? bytes, Metadata? metadata)
    {
        Source = source;
        Destination = destination;
        Content = content;
        Bytes = bytes;
        Metadata = metadata ?? Metadata.Empty;
    }

    /// <summary>A document whose content is bytes (an image, a font) rather than text.</summary>
    public static Document Binary(string? source, string? destination, ReadOnlyMemory<byte> bytes, Metadata? metadata = null) =>
        new(source, destination, string.Empty, bytes, metadata);

    /// <summary>Input path relative to the site folder (forward slashes), or null for generated documents.</summary>
    public string? Source { get; }

    /// <summary>Output path relative to the output folder (forward slashes), or null if the document is not written.</summary>
    public string? Destination { get; }

    /// <summary>The text content; empty for binary documents.</summary>
    public string Content { get; }

    /// <summary>The bytes of a binary document, or null for a text document.</summary>
    public ReadOnlyMemory<byte>? Bytes { get; }

    public Metadata Metadata { get; }

    public Document WithContent(string content) => new(Source, Destination, content, null, Metadata);

    public Document WithDestination(string? destination) => new(Source, destination, Content, Bytes, Metadata);

    public Document WithMetadata(Metadata metadata) => new(Source, Destination, Content, Bytes, metadata);

    /// <summary>The content as it will be written to disk.</summary>
    public ReadOnlyMemory<byte> ToBytes() => Bytes ?? System.Text.Encoding.UTF8.GetBytes(Content);

    /// <summary>Characters encoded at a time by <see cref="WriteBytes"/>: small enough that its buffer is never a large object.</summary>
    private const int ChunkChars = 16 * 1024;

    /// <summary>
    /// Hands the bytes <see cref="ToBytes"/> would return to <paramref name="write"/> a piece at a time, without making
    /// them all at once: the reader page of a large essay is tens of megabytes, and every copy of it as bytes was a
    /// large object the garbage collector kept until its next full collection. The pieces joined are exactly those bytes.
    /// </summary>
    public void WriteBytes(Action<ReadOnlySpan<byte>> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (Bytes is { } bytes)
        {
            write(bytes.Span);
            return;
        }

        var encoder = System.Text.Encoding.UTF8.GetEncoder();
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(System.Text.Encoding.UTF8.GetMaxByteCount(ChunkChars));
        try
        {
            var chars = Content.AsSpan();
            do
            {
                // A chunk may end inside a surrogate pair: the encoder keeps the high half for the next chunk.
                var take = Math.Min(chars.Length, ChunkChars);
                var count = encoder.GetBytes(chars[..take], buffer, flush: take == chars.Length);
                write(buffer.AsSpan(0, count));
                chars = chars[take..];
            }
            while (!chars.IsEmpty);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public Document With<T>(MetadataKey<T> key, T value) where T : notnull => WithMetadata(Metadata.With(key, value));

    public T Get<T>(MetadataKey<T> key) => Metadata.Get(key);

    public override string ToString() => Destination ?? Source ?? "(generated)";
}

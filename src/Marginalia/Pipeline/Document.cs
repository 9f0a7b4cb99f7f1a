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

    private readonly string _content;
    private readonly ReadOnlyMemory<byte>? _bytes;
    private readonly SpilledContent? _spilled;

    private Document(string? source, string? destination, string content, ReadOnlyMemory<byte>? bytes, Metadata? metadata, SpilledContent? spilled = null)
    {
        Source = source;
        Destination = destination;
        _content = content;
        _bytes = bytes;
        _spilled = spilled;
        Metadata = metadata ?? Metadata.Empty;
    }

    /// <summary>
    /// A text document written by <paramref name="write"/>: with <paramref name="spill"/>, straight to a temporary
    /// file (<see cref="Spill"/>), so that a page of tens of megabytes is never whole in memory; else, or when the
    /// file cannot be written, into a string.
    /// </summary>
    public static Document Written(string? source, string? destination, Action<TextWriter> write, bool spill, Metadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (spill && SpilledContent.Of(write) is { } spilled)
        {
            return new Document(source, destination, string.Empty, null, metadata, spilled);
        }

        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        write(text);
        return new Document(source, destination, text.ToString(), metadata);
    }

    /// <summary>
    /// A text document written as UTF-8 by <paramref name="write"/>, straight to a temporary file, where it stays when
    /// it comes to <paramref name="spillSize"/> bytes or more; a smaller one is read back into a string. Its size is
    /// known only once written (an export of every note), so it never has to be whole in memory to find out.
    /// </summary>
    public static Document WrittenUtf8(string? source, string? destination, Action<Stream> write, long spillSize, Metadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (SpilledContent.OfUtf8(write) is not { } spilled)
        {
            using var bytes = new MemoryStream();
            write(bytes);
            return new Document(source, destination, System.Text.Encoding.UTF8.GetString(bytes.GetBuffer().AsSpan(0, (int)bytes.Length)), metadata);
        }

        if (spilled.Length >= spillSize)
        {
            return new Document(source, destination, string.Empty, null, metadata, spilled);
        }

        var text = spilled.ReadText();
        spilled.Release();
        return new Document(source, destination, text, metadata);
    }

    /// <summary>A document whose content is bytes (an image, a font) rather than text.</summary>
    public static Document Binary(string? source, string? destination, ReadOnlyMemory<byte> bytes, Metadata? metadata = null) =>
        new(source, destination, string.Empty, bytes, metadata);

    /// <summary>Input path relative to the site folder (forward slashes), or null for generated documents.</summary>
    public string? Source { get; }

    /// <summary>Output path relative to the output folder (forward slashes), or null if the document is not written.</summary>
    public string? Destination { get; }

    /// <summary>The text content; empty for binary documents. A spilled document reads it from its file each time.</summary>
    public string Content => _spilled is { IsText: true } spilled ? spilled.ReadText() : _content;

    /// <summary>The bytes of a binary document, or null for a text document.</summary>
    public ReadOnlyMemory<byte>? Bytes => _spilled is { IsText: false } spilled ? spilled.ReadBytes() : _bytes;

    public Metadata Metadata { get; }

    /// <summary>
    /// How large the content is, without reading a spilled file: its characters, or its bytes for a binary or spilled
    /// document. What a module's work on it and a site's size are judged by (<see cref="ProcessSlots.Read"/>), not a
    /// length to index with.
    /// </summary>
    public long Size => _spilled?.Length ?? _bytes?.Length ?? _content.Length;

    /// <summary>Whether the content waits in a temporary file (<see cref="Spill"/>) rather than in memory.</summary>
    public bool IsSpilled => _spilled is not null;

    public Document WithContent(string content) => new(Source, Destination, content, null, Metadata);

    public Document WithDestination(string? destination) => new(Source, destination, _content, _bytes, Metadata, _spilled);

    public Document WithMetadata(Metadata metadata) => new(Source, Destination, _content, _bytes, metadata, _spilled);

    /// <summary>
    /// The same document with its content moved to a temporary file (<see cref="SpilledContent"/>), which
    /// <see cref="Content"/>, <see cref="Bytes"/> and <see cref="WriteBytes"/> read back; this document itself when
    /// it is spilled already, holds fewer than <paramref name="atLeast"/> characters (or bytes), or the file cannot
    /// be written.
    /// </summary>
    public Document Spill(long atLeast = 0) =>
        _spilled is null && (_bytes?.Length ?? _content.Length) >= atLeast && SpilledContent.Of(this) is { } spilled
            ? new Document(Source, Destination, string.Empty, null, Metadata, spilled)
            : this;

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
        if (_spilled is { } spilled)
        {
            spilled.CopyTo(write);
            return;
        }

        if (_bytes is { } bytes)
        {
            write(bytes.Span);
            return;
        }

        var encoder = System.Text.Encoding.UTF8.GetEncoder();
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(System.Text.Encoding.UTF8.GetMaxByteCount(ChunkChars));
        try
        {
            var chars = _content.AsSpan();
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

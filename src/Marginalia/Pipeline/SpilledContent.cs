using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Marginalia.Pipeline;

/// <summary>
/// A document's content kept in a temporary file instead of the heap: a large site's outputs (at 10× the reader page,
/// the single-file edition and the book are tens of megabytes each) wait there for the Output phase, which writes them
/// from the file a piece at a time. Text is stored as UTF-8, the bytes it will be written as. The file has no name
/// once written (deleted at once on Unix, on close on Windows), so nothing is left behind whatever ends the process;
/// it lives as long as this object, whose handle the finalizer closes.
/// </summary>
internal sealed class SpilledContent
{
    private const int ChunkBytes = 64 * 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly SafeFileHandle _file;

    private SpilledContent(SafeFileHandle file, long length, bool isText)
    {
        _file = file;
        Length = length;
        IsText = isText;
    }

    /// <summary>Bytes in the file.</summary>
    public long Length { get; }

    /// <summary>Whether the file holds a text document's content (as UTF-8) rather than a binary document's bytes.</summary>
    public bool IsText { get; }

    /// <summary>The document's content in a new temporary file; null when the file cannot be written (the document then stays in memory).</summary>
    public static SpilledContent? Of(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Create(document.Bytes is null, document.WriteBytes);
    }

    /// <summary>Text written straight to a new temporary file as UTF-8, never whole in memory; null when the file cannot be written.</summary>
    public static SpilledContent? Of(Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return OfUtf8(stream =>
        {
            using var writer = new StreamWriter(stream, Utf8, ChunkBytes, leaveOpen: true);
            write(writer);
        });
    }

    /// <summary>Text written straight to a new temporary file as UTF-8 bytes; null when the file cannot be written.</summary>
    public static SpilledContent? OfUtf8(Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return Create(isText: true, bytes =>
        {
            using var stream = new BufferedStream(new Sink(bytes), ChunkBytes);
            write(stream);
            stream.Flush();
        });
    }

    /// <summary>Closes the file now rather than when the collector finds this object unused.</summary>
    public void Release() => _file.Dispose();

    private static SpilledContent? Create(bool isText, Action<Action<ReadOnlySpan<byte>>> content)
    {
        var path = Path.Combine(Path.GetTempPath(), "marginalia-" + Guid.NewGuid().ToString("N") + ".spill");
        SafeFileHandle? file = null;
        try
        {
            file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, OperatingSystem.IsWindows() ? FileOptions.DeleteOnClose : FileOptions.None);
            if (!OperatingSystem.IsWindows())
            {
                File.Delete(path); // the open handle keeps the bytes; a killed process leaves no file
            }

            var length = 0L;
            var handle = file;
            content(bytes =>
            {
                RandomAccess.Write(handle, bytes, length);
                length += bytes.Length;
            });
            return new SpilledContent(file, length, isText);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A full or read-only temporary folder costs memory, never the build.
            file?.Dispose();
            TryDelete(path);
            return null;
        }
    }

    /// <summary>The text, decoded anew on each call: a caller holds it only as long as it needs it.</summary>
    public string ReadText() => Utf8.GetString(ReadBytes());

    /// <summary>The bytes, read anew on each call.</summary>
    public byte[] ReadBytes()
    {
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)Length));
        var read = 0;
        while (read < bytes.Length)
        {
            var count = RandomAccess.Read(_file, bytes.AsSpan(read), read);
            if (count == 0)
            {
                throw new IOException("a spilled document's temporary file ended early");
            }

            read += count;
        }

        return bytes;
    }

    /// <summary>Hands the bytes to <paramref name="write"/> a piece at a time.</summary>
    public void CopyTo(Action<ReadOnlySpan<byte>> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            for (var offset = 0L; offset < Length;)
            {
                var count = RandomAccess.Read(_file, buffer.AsSpan(0, (int)Math.Min(ChunkBytes, Length - offset)), offset);
                if (count == 0)
                {
                    throw new IOException("a spilled document's temporary file ended early");
                }

                write(buffer.AsSpan(0, count));
                offset += count;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A stream that hands what is written to it on, for a StreamWriter to encode into.</summary>
    private sealed class Sink(Action<ReadOnlySpan<byte>> write) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer) => write(buffer);

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing was written to it that anyone will read.
        }
    }
}

using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Marginalia.Tests.Support;

/// <summary>
/// Real, small images made in the test (PNG and GIF written here byte by byte; JPEG and WebP as produced by libjpeg's
/// cjpeg and libwebp's cwebp from a 2 × 2 picture), and the parts to make broken ones from.
/// </summary>
public static class TestImages
{
    /// <summary>cjpeg -quality 50 -optimize of a 2 × 2 picture: 318 bytes, JFIF, baseline, two quantisation tables.</summary>
    public static byte[] Jpeg => Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAACAAIDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAaEAACAwEBAAAAAAAAAAAAAAABAgADBAUS/8QAFAEBAAAAAAAAAAAAAAAAAAAABf/EABkRAAIDAQAAAAAAAAAAAAAAAAABAgMycf/aAAwDAQACEQMRAD8ArOLlzvxMDPRUzNmrJJQEk+RERDp6YTZt9P/Z");

    /// <summary>cwebp (lossy, VP8) of a 2 × 2 picture.</summary>
    public static byte[] WebPLossy => Convert.FromBase64String("UklGRjgAAABXRUJQVlA4ICwAAACQAQCdASoCAAIAAgA0JaQAAudPjMAA/vKT7Wdpsf+Gv/59wDDB/AGDhkgAAA==");

    /// <summary>cwebp -lossless (VP8L) of a 2 × 2 picture.</summary>
    public static byte[] WebPLossless => Convert.FromBase64String("UklGRiwAAABXRUJQVlA4TB8AAAAvAUAAAB8gEEjeHzqN+RcQFPwf3fxHZA/gBgwR/Q8BAA==");

    /// <summary>A grey PNG of the given size, compressed for real (so it decodes), with chunks added before IEND.</summary>
    public static byte[] Png(int width = 2, int height = 2, params (string Type, byte[] Data)[] extra)
    {
        var raw = new byte[(width + 1) * height]; // filter byte 0, then grey pixels, per row
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        return PngOf(width, height, [("IDAT", compressed.ToArray()), .. extra]);
    }

    /// <summary>A PNG whose header claims a size its data does not hold: what a decompression bomb's header says.</summary>
    public static byte[] PngClaiming(uint width, uint height) => PngOf(width, height, [("IDAT", Png(1, 1)[41..^16])]);

    public static byte[] PngOf(long width, long height, params (string Type, byte[] Data)[] chunks)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale
        var file = new List<byte>([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        foreach (var (type, data) in chunks.Prepend(("IHDR", header)).Append(("IEND", [])))
        {
            file.AddRange(Chunk(type, data));
        }

        return [.. file];
    }

    public static byte[] Chunk(string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        typeBytes.CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32([.. typeBytes, .. data]));
        return chunk;
    }

    /// <summary>A one-frame GIF89a of the given logical size with a 1 × 1 image (the classic smallest GIF's data).</summary>
    public static byte[] Gif(ushort width = 1, ushort height = 1, ushort frameWidth = 1, ushort frameHeight = 1)
    {
        var file = new List<byte>("GIF89a"u8.ToArray());
        file.AddRange(BitConverter.GetBytes(width));
        file.AddRange(BitConverter.GetBytes(height));
        file.AddRange([0x80, 0x00, 0x00]); // global colour table of 2, background 0, aspect 0
        file.AddRange([0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF]);
        file.AddRange([0x21, 0xF9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00]); // graphic control: transparent index 0
        file.AddRange([0x2C, 0x00, 0x00, 0x00, 0x00]);
        file.AddRange(BitConverter.GetBytes(frameWidth));
        file.AddRange(BitConverter.GetBytes(frameHeight));
        file.AddRange([0x00, 0x02, 0x02, 0x44, 0x01, 0x00]); // no local table; LZW code size 2; one sub-block
        file.Add(0x3B);
        return [.. file];
    }

    /// <summary>A WebP with a VP8X header of the given canvas size followed by the lossless image's VP8L chunk.</summary>
    public static byte[] WebPExtended(int width, int height)
    {
        var vp8l = WebPLossless[12..];
        var vp8x = new byte[18];
        "VP8X"u8.CopyTo(vp8x);
        BinaryPrimitives.WriteUInt32LittleEndian(vp8x.AsSpan(4), 10);
        WriteUInt24(vp8x.AsSpan(12), width - 1);
        WriteUInt24(vp8x.AsSpan(15), height - 1);
        var body = vp8x.Concat(vp8l).ToArray();
        var file = new byte[12 + body.Length];
        "RIFF"u8.CopyTo(file);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(body.Length + 4));
        "WEBP"u8.CopyTo(file.AsSpan(8));
        body.CopyTo(file, 12);
        return file;

        static void WriteUInt24(Span<byte> s, int v) => (s[0], s[1], s[2]) = ((byte)v, (byte)(v >> 8), (byte)(v >> 16));
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}

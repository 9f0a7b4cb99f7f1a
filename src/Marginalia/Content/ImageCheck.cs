using System.Buffers.Binary;
using System.Text;

namespace Marginalia.Content;

/// <summary>A raster image recognised by its bytes: its format and its size in pixels from its header.</summary>
internal readonly record struct ImageInfo(ImageFormat Format, long Width, long Height);

/// <summary>
/// Recognises a media file by its leading bytes (never by its name) and walks its structure: the header must be
/// whole and coherent (PNG: IHDR first, chunks that fit, IDAT, IEND; JPEG: segments that fit, a frame header before
/// the scan, an end marker; GIF: blocks that fit up to the trailer; WebP: a RIFF size that is the file's and a
/// VP8/VP8L/VP8X header). Only the structure is read, never the pixels, so the cost is linear in the file and small.
/// </summary>
/// <remarks>
/// AVIF is not accepted: its size lives in nested ISOBMFF boxes that take a parser of their own to read with
/// confidence, it is not a core EPUB image type, and converting to WebP or JPEG loses little.
/// Bytes after PNG's IEND, GIF's trailer or WebP's RIFF size are refused (they are where a polyglot keeps its HTML);
/// after JPEG's end marker they are allowed, because cameras append data there (motion photos).
/// </remarks>
internal static class ImageCheck
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The image's format and size, or the problem (in words a contributor can act on).</summary>
    public static (ImageInfo? Info, string? Problem) Inspect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return (null, "the file is empty");
        }

        if (bytes.StartsWith(PngSignature))
        {
            return Png(bytes);
        }

        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return Jpeg(bytes);
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return Gif(bytes);
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP(bytes);
        }

        return (null, $"it is not a PNG, JPEG, GIF or WebP image: {WhatItIs(bytes)}");
    }

    /// <summary>A guess at what a refused file is, so the message says more than "not an image".</summary>
    public static string WhatItIs(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 1024)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        bool Has(string s) => head.Contains(s, StringComparison.OrdinalIgnoreCase);
        if (Has("<svg"))
        {
            return "it is SVG, a document that can run script";
        }

        if (head.StartsWith("%PDF", StringComparison.Ordinal))
        {
            return "it is a PDF document";
        }

        if (Has("<html") || Has("<!doctype") || Has("<script") || Has("<body") || Has("<iframe"))
        {
            return "it is HTML";
        }

        if (bytes.Length >= 12 && bytes[4..8].SequenceEqual("ftyp"u8))
        {
            return "it is an ISO media file (AVIF, HEIC, MP4); convert it to JPEG or WebP";
        }

        var shown = Convert.ToHexString(bytes[..Math.Min(bytes.Length, 8)]);
        return $"its first bytes are {shown}";
    }

    private static (ImageInfo?, string?) Png(ReadOnlySpan<byte> b)
    {
        const string Format = "PNG";
        var pos = PngSignature.Length;
        if (b.Length < pos + 8 + 13 + 4 || BinaryPrimitives.ReadUInt32BigEndian(b[pos..]) != 13 || !b[(pos + 4)..(pos + 8)].SequenceEqual("IHDR"u8))
        {
            return Broken(Format, "its IHDR header is missing or truncated");
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(b[(pos + 8)..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(b[(pos + 12)..]);
        var depth = b[pos + 16];
        var color = b[pos + 17];
        var depthOk = color switch
        {
            0 => depth is 1 or 2 or 4 or 8 or 16,
            3 => depth is 1 or 2 or 4 or 8,
            2 or 4 or 6 => depth is 8 or 16,
            _ => false,
        };
        if (width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue || !depthOk || b[pos + 18] != 0 || b[pos + 19] != 0 || b[pos + 20] > 1)
        {
            return Broken(Format, "its IHDR header holds impossible values");
        }

        var sawData = false;
        while (true)
        {
            if (b.Length - pos < 12)
            {
                return Broken(Format, "it is truncated (no IEND chunk)");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(b[pos..]);
            var type = b[(pos + 4)..(pos + 8)];
            if (length > int.MaxValue || length > b.Length - pos - 12)
            {
                return Broken(Format, "a chunk runs past the end of the file (truncated?)");
            }

            foreach (var c in type)
            {
                if (!char.IsAsciiLetter((char)c))
                {
                    return Broken(Format, "a chunk has an invalid type");
                }
            }

            sawData |= type.SequenceEqual("IDAT"u8);
            pos += 12 + (int)length;
            if (type.SequenceEqual("IEND"u8))
            {
                break;
            }
        }

        if (!sawData)
        {
            return Broken(Format, "it has no image data (IDAT)");
        }

        return pos != b.Length ? Broken(Format, "bytes follow its IEND chunk") : (new ImageInfo(ImageFormat.Png, width, height), null);
    }

    private static (ImageInfo?, string?) Jpeg(ReadOnlySpan<byte> b)
    {
        const string Format = "JPEG";
        var pos = 2;
        (long Width, long Height)? frame = null;
        while (true)
        {
            if (pos >= b.Length || b[pos] != 0xFF)
            {
                return Broken(Format, pos >= b.Length ? "it is truncated before its image data" : "a segment does not start with a marker");
            }

            while (pos < b.Length && b[pos] == 0xFF)
            {
                pos++; // fill bytes before a marker are allowed
            }

            if (pos >= b.Length)
            {
                return Broken(Format, "it is truncated before its image data");
            }

            var marker = b[pos++];
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                continue; // markers without a length
            }

            if (marker is 0xD8 or 0xD9)
            {
                return Broken(Format, "it ends or starts again before its image data");
            }

            if (b.Length - pos < 2)
            {
                return Broken(Format, "it is truncated before its image data");
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(b[pos..]);
            if (length < 2 || length > b.Length - pos)
            {
                return Broken(Format, "a segment runs past the end of the file (truncated?)");
            }

            // Start-of-frame markers (C0–CF but DHT C4, JPG C8, DAC CC) hold the size.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (length < 8)
                {
                    return Broken(Format, "its frame header is too short");
                }

                frame = (BinaryPrimitives.ReadUInt16BigEndian(b[(pos + 5)..]), BinaryPrimitives.ReadUInt16BigEndian(b[(pos + 3)..]));
            }

            pos += length;
            if (marker == 0xDA)
            {
                break; // start of scan: entropy-coded data follows
            }
        }

        if (frame is not { } size || size.Width == 0 || size.Height == 0)
        {
            return Broken(Format, "it has no frame header with a size before its image data");
        }

        return b[pos..].IndexOf([(byte)0xFF, (byte)0xD9]) < 0
            ? Broken(Format, "it is truncated (no end-of-image marker)")
            : (new ImageInfo(ImageFormat.Jpeg, size.Width, size.Height), null);
    }

    private static (ImageInfo?, string?) Gif(ReadOnlySpan<byte> b)
    {
        const string Format = "GIF";
        if (b.Length < 13)
        {
            return Broken(Format, "its header is truncated");
        }

        long width = BinaryPrimitives.ReadUInt16LittleEndian(b[6..]);
        long height = BinaryPrimitives.ReadUInt16LittleEndian(b[8..]);
        var pos = 13 + ColorTable(b[10]);
        var frames = 0;
        while (true)
        {
            if (pos >= b.Length)
            {
                return Broken(Format, "it is truncated (no trailer)");
            }

            var block = b[pos++];
            if (block == 0x3B)
            {
                break;
            }

            if (block == 0x2C)
            {
                if (b.Length - pos < 10)
                {
                    return Broken(Format, "an image descriptor is truncated");
                }

                long frameWidth = BinaryPrimitives.ReadUInt16LittleEndian(b[(pos + 4)..]);
                long frameHeight = BinaryPrimitives.ReadUInt16LittleEndian(b[(pos + 6)..]);
                if (frameWidth == 0 || frameHeight == 0)
                {
                    return Broken(Format, "a frame has no size");
                }

                // A frame larger than the screen is decoded at its own size: count the larger.
                width = Math.Max(width, frameWidth);
                height = Math.Max(height, frameHeight);
                pos += 9 + ColorTable(b[pos + 8]) + 1; // descriptor, local colour table, LZW code size
                frames++;
            }
            else if (block == 0x21)
            {
                pos++; // the extension's label
            }
            else
            {
                return Broken(Format, "it holds a block of unknown kind");
            }

            if (!SkipSubBlocks(b, ref pos))
            {
                return Broken(Format, "a block runs past the end of the file (truncated?)");
            }
        }

        if (frames == 0 || width == 0 || height == 0)
        {
            return Broken(Format, "it has no image");
        }

        return pos != b.Length ? Broken(Format, "bytes follow its trailer") : (new ImageInfo(ImageFormat.Gif, width, height), null);

        static int ColorTable(byte packed) => (packed & 0x80) != 0 ? 3 << ((packed & 0x07) + 1) : 0;
    }

    private static bool SkipSubBlocks(ReadOnlySpan<byte> b, ref int pos)
    {
        while (pos < b.Length)
        {
            var size = b[pos++];
            if (size == 0)
            {
                return true;
            }

            pos += size;
        }

        return false;
    }

    private static (ImageInfo?, string?) WebP(ReadOnlySpan<byte> b)
    {
        const string Format = "WebP";
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(b[4..]);
        if (riffSize + 8L > b.Length)
        {
            return Broken(Format, "it is truncated (shorter than its RIFF header says)");
        }

        if (riffSize + 8L < b.Length)
        {
            return Broken(Format, "bytes follow the end its RIFF header gives");
        }

        var pos = 12;
        (long Width, long Height)? size = null;
        var sawImage = false;
        while (pos < b.Length)
        {
            if (b.Length - pos < 8)
            {
                return Broken(Format, "a chunk header is truncated");
            }

            var type = b[pos..(pos + 4)];
            var length = BinaryPrimitives.ReadUInt32LittleEndian(b[(pos + 4)..]);
            if (length > b.Length - pos - 8)
            {
                return Broken(Format, "a chunk runs past the end of the file (truncated?)");
            }

            var data = b.Slice(pos + 8, (int)length);
            if (pos == 12)
            {
                size = FirstChunkSize(type, data);
                if (size is null)
                {
                    return Broken(Format, "its first chunk is not a coherent VP8, VP8L or VP8X header");
                }
            }

            sawImage |= type.SequenceEqual("VP8 "u8) || type.SequenceEqual("VP8L"u8) || type.SequenceEqual("ANMF"u8);
            pos += 8 + (int)length + (int)(length & 1);
        }

        if (!sawImage || size is not { } s)
        {
            return Broken(Format, "it has no image data");
        }

        return pos != b.Length ? Broken(Format, "its last chunk's padding is missing") : (new ImageInfo(ImageFormat.WebP, s.Width, s.Height), null);
    }

    private static (long, long)? FirstChunkSize(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        if (type.SequenceEqual("VP8 "u8) && data.Length >= 10 && data[3] == 0x9D && data[4] == 0x01 && data[5] == 0x2A)
        {
            long width = BinaryPrimitives.ReadUInt16LittleEndian(data[6..]) & 0x3FFF;
            long height = BinaryPrimitives.ReadUInt16LittleEndian(data[8..]) & 0x3FFF;
            return width > 0 && height > 0 ? (width, height) : null;
        }

        if (type.SequenceEqual("VP8L"u8) && data.Length >= 5 && data[0] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[1..]);
            return ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
        }

        if (type.SequenceEqual("VP8X"u8) && data.Length >= 10)
        {
            return (Uint24(data[4..]) + 1, Uint24(data[7..]) + 1);
        }

        return null;

        static long Uint24(ReadOnlySpan<byte> s) => s[0] | (s[1] << 8) | (s[2] << 16);
    }

    private static (ImageInfo?, string?) Broken(string format, string problem) => (null, $"it starts as a {format} image but {problem}");
}

// Draws the web app icons (theme/assets/icon-192.png, icon-512.png) that manifest.webmanifest names: a page of
// text with one passage marked and a note beside it, in the theme's colours. The PNGs are committed; run this
// again only to change them:
//
//     dotnet run theme/tools/make-icons.cs
//
// Only rectangles on a 32-unit grid, so every edge falls on a whole pixel at both sizes and nothing needs
// anti-aliasing. The encoder writes the smallest valid PNG: IHDR (8-bit RGB), one IDAT, IEND.
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

var assets = Path.Combine(FindRepository(), "theme", "assets");
foreach (var size in new[] { 192, 512 })
{
    var path = Path.Combine(assets, $"icon-{size}.png");
    File.WriteAllBytes(path, Png.Encode(size, size, Icon.Draw(size)));
    Console.WriteLine($"wrote {path}");
}

static string FindRepository()
{
    for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "Site.sln")))
        {
            return folder.FullName;
        }
    }

    throw new InvalidOperationException("Run this from inside the repository (no Site.sln above the current folder).");
}

/// <summary>The mark, as rectangles in 32nds of the icon's side.</summary>
internal static class Icon
{
    // site.css: --accent, --paper, --ink-soft, --note-tint-deep.
    private static readonly (byte R, byte G, byte B) Accent = (0x8b, 0x2c, 0x17);
    private static readonly (byte R, byte G, byte B) Paper = (0xfc, 0xfa, 0xf6);
    private static readonly (byte R, byte G, byte B) InkSoft = (0x5a, 0x53, 0x4a);
    private static readonly (byte R, byte G, byte B) Highlight = (0xf2, 0xe6, 0xc6);

    private static readonly (int X, int Y, int W, int H, (byte R, byte G, byte B) Colour)[] Shapes =
    [
        (0, 0, 32, 32, Accent),       // the background, all of it: platforms cut their own shape
        (6, 5, 15, 22, Paper),        // the page
        (8, 8, 11, 1, InkSoft),       // lines of text
        (8, 11, 10, 1, InkSoft),
        (7, 13, 13, 3, Highlight),    // the passage a note is on
        (8, 14, 11, 1, Accent),
        (8, 17, 11, 1, InkSoft),
        (8, 20, 9, 1, InkSoft),
        (8, 23, 11, 1, InkSoft),
        (21, 14, 2, 1, Paper),        // the line to the margin
        (23, 11, 5, 7, Paper),        // the note
        (24, 13, 3, 1, Accent),
        (24, 15, 2, 1, InkSoft),
    ];

    /// <returns>Rows of RGB bytes, top to bottom.</returns>
    public static byte[] Draw(int size)
    {
        if (size % 32 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), "the grid is 32 units: the size must be a multiple of 32");
        }

        var unit = size / 32;
        var pixels = new byte[size * size * 3];
        foreach (var (x, y, w, h, colour) in Shapes)
        {
            for (var row = y * unit; row < (y + h) * unit; row++)
            {
                for (var column = x * unit; column < (x + w) * unit; column++)
                {
                    var at = ((row * size) + column) * 3;
                    pixels[at] = colour.R;
                    pixels[at + 1] = colour.G;
                    pixels[at + 2] = colour.B;
                }
            }
        }

        return pixels;
    }
}

/// <summary>A minimal PNG encoder: 8-bit truecolour, no filtering, zlib via the runtime.</summary>
internal static class Png
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    public static byte[] Encode(int width, int height, byte[] rgb)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0d, 0x0a, 0x1a, 0x0a]);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per sample
        header[9] = 2; // colour type: RGB
        // compression, filter and interlace methods: 0 (the only ones defined, and no interlacing)
        WriteChunk(png, "IHDR", header);

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var stride = width * 3;
            for (var row = 0; row < height; row++)
            {
                zlib.WriteByte(0); // filter type: none
                zlib.Write(rgb, row * stride, stride);
            }
        }

        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeAndData = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type, typeAndData);
        data.CopyTo(typeAndData, 4);
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc(typeAndData));
        png.Write(number);
    }

    private static uint Crc(byte[] bytes)
    {
        var crc = 0xffffffffu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xff] ^ (crc >> 8);
        }

        return crc ^ 0xffffffffu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xedb88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}

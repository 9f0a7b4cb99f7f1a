using System.Buffers.Binary;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marginalia.Offline;
using Marginalia.Tests.Support;
using Marginalia.Theme;

namespace Marginalia.Tests.Offline;

/// <summary>manifest.webmanifest as the real build writes it, and the icons it names.</summary>
public partial class WebAppManifestTests : IClassFixture<BuiltSite>
{
    private readonly BuiltSite _site;

    public WebAppManifestTests(BuiltSite site) => _site = site;

    [Fact]
    public void Manifest_has_what_a_browser_needs_to_install_the_site()
    {
        // Given the manifest, parsed as JSON
        using var manifest = JsonDocument.Parse(_site.Read("manifest.webmanifest"));
        var root = manifest.RootElement;

        // Then it names the site, opens on its first page, standalone, in the theme's colours
        var title = SiteTitle().Match(File.ReadAllText(Path.Combine(RepoPaths.Input, "site.yml"))).Groups["title"].Value;
        Assert.Equal(title, root.GetProperty("name").GetString());
        var shortName = root.GetProperty("short_name").GetString();
        Assert.False(string.IsNullOrWhiteSpace(shortName));
        Assert.True(shortName.Length <= 12, $"short_name '{shortName}' is longer than launchers show");
        Assert.Equal("./", root.GetProperty("start_url").GetString());
        Assert.Equal("standalone", root.GetProperty("display").GetString());
        Assert.Matches("^#[0-9a-f]{6}$", root.GetProperty("theme_color").GetString());
        Assert.Matches("^#[0-9a-f]{6}$", root.GetProperty("background_color").GetString());
    }

    [Fact]
    public void Manifest_icons_exist_as_png_of_the_sizes_they_state()
    {
        // Given the manifest's icons
        using var manifest = JsonDocument.Parse(_site.Read("manifest.webmanifest"));
        var icons = manifest.RootElement.GetProperty("icons").EnumerateArray().ToList();

        // Then there are the two sizes installers ask for, and each file is a PNG whose header says that size
        Assert.Equal(["192x192", "512x512"], icons.Select(i => i.GetProperty("sizes").GetString()));
        foreach (var icon in icons)
        {
            Assert.Equal("image/png", icon.GetProperty("type").GetString());
            var src = icon.GetProperty("src").GetString()!;
            var path = Path.Combine(_site.OutputDir, Uri.UnescapeDataString(src));
            Assert.True(File.Exists(path), $"{src} is not in the site");
            var (width, height) = PngSize(File.ReadAllBytes(path));
            Assert.Equal(icon.GetProperty("sizes").GetString(), $"{width}x{height}");
        }
    }

    [Fact]
    public void Theme_colours_are_the_paper_of_site_css()
    {
        // The installed app's title bar and splash match the page; site.css declares --paper once, light-dark(light, dark).
        var paper = Paper().Matches(File.ReadAllText(Path.Combine(RepoPaths.Theme, "assets", "site.css"))).Select(m => new[] { m.Groups["light"].Value, m.Groups["dark"].Value }).ToList();
        Assert.Equal([[WebAppColors.Light, WebAppColors.Dark]], paper);
    }

    [Theory]
    [InlineData("Marginalia", "Marginalia")]
    [InlineData("  Short  ", "Short")]
    [InlineData("Annotated Globalisation", "Annotated")]
    [InlineData("Extraordinarily long", "Extraordinar")]
    public void Short_name_is_the_title_or_its_first_word_cut_to_twelve(string title, string expected) =>
        Assert.Equal(expected, WebAppManifest.ShortName(title));

    /// <summary>Width and height from a PNG's IHDR, the chunk the format requires first.</summary>
    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a }), "not a PNG signature");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [GeneratedRegex("""^title:\s*"(?<title>[^"]+)"\s*$""", RegexOptions.Multiline)]
    private static partial Regex SiteTitle();

    [GeneratedRegex(@"--paper:\s*light-dark\((?<light>#[0-9a-f]{6}),\s*(?<dark>#[0-9a-f]{6})\)\s*;")]
    private static partial Regex Paper();
}

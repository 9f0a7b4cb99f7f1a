using System.Security.Cryptography;
using System.Text;
using Marginalia.Pipeline;

namespace Marginalia.Tests.Pipeline;

/// <summary>An entry is read back only whole and as written; anything else is no entry, never an error.</summary>
public sealed class DiskCacheTests : IDisposable
{
    private static readonly byte[] Signing = RandomNumberGenerator.GetBytes(32);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "marginalia-disk-cache-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void A_kept_text_is_read_back_and_a_key_never_kept_reads_as_none()
    {
        var cache = new DiskCache(_folder, Signing);
        var key = DiskCache.Key("asset", "site.css", "body { }");

        cache.Write("assets", key, "body{}\n“typographic” ✓");

        Assert.Equal("body{}\n“typographic” ✓", cache.Read("assets", key));
        Assert.Null(cache.Read("assets", DiskCache.Key("asset", "site.css", "body { color: red }")));
        Assert.Null(cache.Read("bodies", key));
    }

    [Fact]
    public void GetOrAdd_makes_a_text_once_and_then_reads_it()
    {
        var cache = new DiskCache(_folder, Signing);
        var key = DiskCache.Key("x");
        var calls = 0;

        Assert.Equal("made", cache.GetOrAdd("assets", key, () => { calls++; return "made"; }));
        Assert.Equal("made", new DiskCache(_folder, Signing).GetOrAdd("assets", key, () => { calls++; return "again"; }));

        Assert.Equal(1, calls);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("a changed character")]
    [InlineData("no header")]
    [InlineData("empty")]
    [InlineData("not UTF-8")]
    public void A_damaged_entry_reads_as_none_and_is_made_again(string damage)
    {
        var cache = new DiskCache(_folder, Signing);
        var key = DiskCache.Key("x");
        cache.Write("bodies", key, "<p>The kept body, long enough to cut in half.</p>");
        var file = Directory.GetFiles(_folder, key, SearchOption.AllDirectories).Single();
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, damage switch
        {
            "truncated" => bytes[..(bytes.Length - 10)],
            "a changed character" => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("kept", "kePt", StringComparison.Ordinal)),
            "no header" => Encoding.UTF8.GetBytes("<p>The kept body, long enough to cut in half.</p>"),
            "empty" => [],
            _ => [0xFF, 0xFE, 0x00, 0xC3],
        });

        Assert.Null(cache.Read("bodies", key));
        Assert.Equal("made again", cache.GetOrAdd("bodies", key, () => "made again"));
        Assert.Equal("made again", cache.Read("bodies", key));
    }

    [Fact]
    public void An_entry_is_its_texts_signature_under_the_machines_key_and_the_text_so_it_can_be_checked()
    {
        var cache = new DiskCache(_folder, Signing);
        var key = DiskCache.Key("x");

        cache.Write("assets", key, "text");

        var file = Directory.GetFiles(_folder, key, SearchOption.AllDirectories).Single();
        Assert.Equal($"marginalia-cache 2 {Convert.ToHexString(HMACSHA256.HashData(Signing, "text"u8))}\ntext", File.ReadAllText(file));
        Assert.Equal(Path.Combine(_folder, "assets", key[..2], key), file);
    }

    [Fact]
    public void An_entry_signed_elsewhere_or_only_hashed_as_a_pull_request_could_commit_it_is_not_read()
    {
        // Given entries planted in the site's folder: one written under another key, one with a plain SHA-256
        var key = DiskCache.Key("planted");
        new DiskCache(_folder, RandomNumberGenerator.GetBytes(32)).Write("bodies", key, "<script>alert(1)</script>");
        var hashed = DiskCache.Key("hashed");
        var path = Path.Combine(_folder, "bodies", hashed[..2], hashed);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"marginalia-cache 2 {Convert.ToHexString(SHA256.HashData("<script>alert(2)</script>"u8))}\n<script>alert(2)</script>");

        // Then this machine's cache reads neither, and makes each anew
        var cache = new DiskCache(_folder, Signing);
        Assert.Null(cache.Read("bodies", key));
        Assert.Null(cache.Read("bodies", hashed));
        Assert.Equal("<p>made here</p>", cache.GetOrAdd("bodies", key, () => "<p>made here</p>"));
    }

    [Fact]
    public void The_machines_key_lives_in_the_users_cache_folder_not_beside_the_site()
    {
        var path = DiskCache.KeyPath();

        Assert.NotNull(path);
        Assert.EndsWith(Path.Combine("marginalia", "cache-key"), path, StringComparison.Ordinal);
        Assert.DoesNotContain(".marginalia", path, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_that_cannot_be_written_is_no_error_and_keeps_nothing()
    {
        // A file where the folder should be: nothing can be created under it
        File.WriteAllText(_folder, "in the way");
        try
        {
            var cache = new DiskCache(Path.Combine(_folder, "cache"), Signing);

            Assert.Equal("made", cache.GetOrAdd("assets", DiskCache.Key("x"), () => "made"));
            Assert.Null(cache.Read("assets", DiskCache.Key("x")));
        }
        finally
        {
            File.Delete(_folder);
        }
    }

    [Theory]
    [InlineData("assets", "../../escape")]
    [InlineData("../x", "ABCDEF")]
    [InlineData("assets", "ab")]
    public void A_name_that_is_no_key_is_refused_as_a_bug(string kind, string key)
    {
        var cache = new DiskCache(_folder, Signing);

        Assert.Throws<ArgumentException>(() => cache.Write(kind, key, "x"));
    }

    [Fact]
    public void A_sites_cache_is_marginalia_cache_beside_its_input_folder()
    {
        var roots = BuildRoots.From("input", "theme", "output", "/site");

        Assert.Equal(Path.Combine("/site", ".marginalia", "cache"), DiskCache.For(roots).Folder);
    }
}

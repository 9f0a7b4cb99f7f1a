using System.Security.Cryptography;
using System.Text;
using Marginalia.Pipeline;
using Marginalia.Site;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Site;

/// <summary>
/// A build with the disk cache (<c>.marginalia/cache/</c>, what <c>build</c> uses unless <c>--no-cache</c>) writes
/// the same bytes as one without: warm, damaged or after a change.
/// </summary>
public sealed class CachedBuildTests : IDisposable
{
    private const string Note = "input/annotations/african-ai-hubs.md";

    private readonly TempSite _site = TempSite.CopyOfRepository();

    public void Dispose() => _site.Dispose();

    private string CacheFolder => _site.PathOf(".marginalia/cache");

    [Fact]
    public async Task A_warm_cache_gives_every_file_byte_for_byte_as_no_cache_does_and_is_really_read()
    {
        // Given a cold build that fills the cache, then a warm one into another folder, and one with no cache
        await BuildAsync("output-cold", cache: true);
        var entries = Entries();
        Assert.Contains(entries, e => e.Contains("/assets/", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains("/bodies/", StringComparison.Ordinal));
        var before = entries.ToDictionary(e => e, File.GetLastWriteTimeUtc, StringComparer.Ordinal);
        await BuildAsync("output-warm", cache: true);
        await BuildAsync("output-none", cache: false);

        // Then every file is the same, and the warm build made no entry anew
        AssertSameFiles(Snapshot("output-none"), Snapshot("output-warm"));
        AssertSameFiles(Snapshot("output-none"), Snapshot("output-cold"));
        Assert.Equal(before, Entries().ToDictionary(e => e, File.GetLastWriteTimeUtc, StringComparer.Ordinal));

        // And a whole entry is taken as it is (so the cache is what the warm build read): a body's, rewritten by this
        // machine's cache, shows on the page; rewritten with a plain hash, as a committed file could be, it does not.
        var body = entries.Where(e => e.Contains("/bodies/", StringComparison.Ordinal))
            .Single(e => File.ReadAllText(e).Contains("Carnegie Mellon University Africa has trained engineers in Kigali", StringComparison.Ordinal));
        var text = File.ReadAllText(body);
        var forged = text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..].Replace("Nairobi", "Nairobi (from the cache)", StringComparison.Ordinal);
        File.WriteAllText(body, $"marginalia-cache 2 {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(forged)))}\n{forged}");
        await BuildAsync("output-planted", cache: true);
        Assert.DoesNotContain("(from the cache)", File.ReadAllText(_site.PathOf("output-planted/notes/index.html")), StringComparison.Ordinal);
        new DiskCache(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(body)!)!)!).Write("bodies", Path.GetFileName(body), forged);
        await BuildAsync("output-forged", cache: true);
        Assert.Contains("Nairobi (from the cache)", File.ReadAllText(_site.PathOf("output-forged/notes/index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Damaged_entries_are_ignored_and_made_again()
    {
        // Given a filled cache whose every entry is then truncated, or garbage
        await BuildAsync("output-cold", cache: true);
        var entries = Entries();
        for (var i = 0; i < entries.Count; i++)
        {
            var bytes = File.ReadAllBytes(entries[i]);
            File.WriteAllBytes(entries[i], i % 2 == 0 ? bytes[..(bytes.Length / 2)] : Encoding.UTF8.GetBytes("garbage"));
        }

        // When the site is built with it
        var result = await BuildAsync("output-damaged", cache: true);

        // Then the build is clean, its files are those of a build without the cache, and every entry is whole again
        Assert.Empty(result.Diagnostics);
        await BuildAsync("output-none", cache: false);
        AssertSameFiles(Snapshot("output-none"), Snapshot("output-damaged"));
        Assert.All(Entries(), e => Assert.StartsWith("marginalia-cache 2 ", File.ReadAllText(e), StringComparison.Ordinal));
        Assert.DoesNotContain(Entries(), e => File.ReadAllText(e) == "garbage");
    }

    [Fact]
    public async Task A_changed_body_misses_the_cache_and_its_new_text_is_built()
    {
        // Given a filled cache, and then a note's body changed
        await BuildAsync("output-cold", cache: true);
        var bodies = Entries().Count(e => e.Contains("/bodies/", StringComparison.Ordinal));
        _site.Edit(Note, "\n---\n", "\n---\nA sentence the cache has never seen.\n\n");

        // When it is built with the cache and without
        await BuildAsync("output-warm", cache: true);
        await BuildAsync("output-none", cache: false);

        // Then the new body is rendered (one entry more) and the output is the same as without the cache
        Assert.Equal(bodies + 1, Entries().Count(e => e.Contains("/bodies/", StringComparison.Ordinal)));
        Assert.Contains("A sentence the cache has never seen.", File.ReadAllText(_site.PathOf("output-warm/notes/index.html")), StringComparison.Ordinal);
        AssertSameFiles(Snapshot("output-none"), Snapshot("output-warm"));
    }

    [Fact]
    public async Task A_changed_asset_misses_the_cache()
    {
        await BuildAsync("output-cold", cache: true);
        await File.AppendAllTextAsync(_site.PathOf("theme/assets/site.css"), "\n.from-the-change { color: red }\n");

        await BuildAsync("output-warm", cache: true);
        await BuildAsync("output-none", cache: false);

        AssertSameFiles(Snapshot("output-none"), Snapshot("output-warm"));
        Assert.Contains(Snapshot("output-warm"), f => f.Key.StartsWith("assets/site.", StringComparison.Ordinal) && Encoding.UTF8.GetString(f.Value).Contains(".from-the-change", StringComparison.Ordinal));
    }

    private async Task<BuildResult> BuildAsync(string output, bool cache)
    {
        var result = await SiteBuilder.BuildAsync(new BuildOptions(Output: output) { WorkingDirectory = _site.Root, DiskCache = cache });
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return result;
    }

    private List<string> Entries() =>
        Directory.Exists(CacheFolder) ? [.. Directory.GetFiles(CacheFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];

    private SortedDictionary<string, byte[]> Snapshot(string output)
    {
        var root = _site.PathOf(output);
        return new(Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);
    }

    private static void AssertSameFiles(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys.ToList(), actual.Keys.ToList());
        Assert.All(expected, f => Assert.True(f.Value.AsSpan().SequenceEqual(actual[f.Key]), $"{f.Key} differs"));
    }
}

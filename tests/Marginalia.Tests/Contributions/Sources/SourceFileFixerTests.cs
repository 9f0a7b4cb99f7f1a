using System.Text;
using Marginalia.Contributions.Sources;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Contributions.Sources;

public class SourceFileFixerTests
{
    [Fact]
    public void Rewrite_cleans_each_source_url_and_leaves_every_other_byte()
    {
        // Given a term whose sources are written three ways, with a comment, CRLF line endings, and tracking text
        // in places that are not a source's url
        var text = string.Join("\r\n",
            "---",
            "term: \"surveillance\"",
            "# keep this comment",
            "short: \"See https://example.org/?utm_source=short\"",
            "sources:",
            "  - title: \"A ?utm_source=title\"",
            "    url: https://itu.int:443/en/page.aspx",
            "  - url: \"https://example.org/a?id=7&utm_medium=email#part\"",
            "    title: Second",
            "  - title: 'Third'",
            "    url: 'https://example.org/b?fbclid=IwAR0'",
            "  - title: Clean",
            "    url: https://example.org/c?page=2",
            "---",
            "Body with https://example.org/d?utm_source=body.",
            string.Empty);

        // When the fixer rewrites it
        var (fixedText, changed) = SourceFileFixer.Rewrite(text);

        // Then only the three urls changed, each written double-quoted
        Assert.Equal(text
            .Replace("url: https://itu.int:443/en/page.aspx", "url: \"https://itu.int/en/page.aspx\"", StringComparison.Ordinal)
            .Replace("url: \"https://example.org/a?id=7&utm_medium=email#part\"", "url: \"https://example.org/a?id=7#part\"", StringComparison.Ordinal)
            .Replace("url: 'https://example.org/b?fbclid=IwAR0'", "url: \"https://example.org/b\"", StringComparison.Ordinal), fixedText);
        Assert.Equal(
            [
                ("https://itu.int:443/en/page.aspx", "https://itu.int/en/page.aspx"),
                ("https://example.org/a?id=7&utm_medium=email#part", "https://example.org/a?id=7#part"),
                ("https://example.org/b?fbclid=IwAR0", "https://example.org/b"),
            ],
            changed);
    }

    [Fact]
    public void Rewrite_cleans_urls_written_in_flow_style_in_place()
    {
        var text = "---\nterm: \"x\"\nsources: [{title: A, url: https://a.org/p?utm_source=x}, {url: 'http://b.org:80/', title: B}]\n---\nBody.\n";

        var (fixedText, changed) = SourceFileFixer.Rewrite(text);

        Assert.Equal("---\nterm: \"x\"\nsources: [{title: A, url: \"https://a.org/p\"}, {url: \"http://b.org/\", title: B}]\n---\nBody.\n", fixedText);
        Assert.Equal(2, changed.Count);
    }

    [Fact]
    public void Rewrite_leaves_a_nested_url_that_is_not_a_sources_item_alone()
    {
        var text = "---\nquote: \"x\"\nextra:\n  url: https://example.org/?utm_source=a\nsources: []\n---\nBody.\n";

        var (fixedText, changed) = SourceFileFixer.Rewrite(text);

        Assert.Equal(text, fixedText);
        Assert.Empty(changed);
    }

    [Fact]
    public void Apply_keeps_a_byte_order_mark_and_does_not_write_a_file_with_nothing_to_fix()
    {
        // Given one file to fix, with a byte order mark, and one with nothing to fix
        using var folder = TempSite.Empty();
        var dirty = folder.PathOf("dirty.md");
        var clean = folder.PathOf("clean.md");
        File.WriteAllBytes(dirty, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("---\nsources:\n  - title: T\n    url: http://dictionary.com:80/browse/x\n---\nBody.\n")]);
        File.WriteAllText(clean, "---\nsources:\n  - title: T\n    url: https://example.org/\n---\nBody.\n");
        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(clean, stamp);

        // When both are fixed
        var dirtyChanges = SourceFileFixer.Apply(dirty);
        var cleanChanges = SourceFileFixer.Apply(clean);

        // Then the first keeps its mark and loses its port, and the second is untouched
        Assert.Equal([("http://dictionary.com:80/browse/x", "http://dictionary.com/browse/x")], dirtyChanges);
        Assert.Equal([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("---\nsources:\n  - title: T\n    url: \"http://dictionary.com/browse/x\"\n---\nBody.\n")], File.ReadAllBytes(dirty));
        Assert.Empty(cleanChanges);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(clean));
        Assert.Equal(["clean.md", "dirty.md"], Directory.GetFiles(folder.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
    }
}

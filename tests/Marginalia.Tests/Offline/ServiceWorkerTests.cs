using System.Security.Cryptography;
using AngleSharp.Html.Parser;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Offline;

/// <summary>sw.js as the real build writes it: every file of the site, each with the hash of what was written.</summary>
public class ServiceWorkerTests : IClassFixture<BuiltSite>
{
    private readonly BuiltSite _site;

    public ServiceWorkerTests(BuiltSite site) => _site = site;

    [Fact]
    public void Sw_js_lists_every_output_file_but_itself()
    {
        // Given the built site and its worker's list
        var worker = ServiceWorkerFile.Read(_site.OutputDir);
        var written = Directory.EnumerateFiles(_site.OutputDir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_site.OutputDir, f).Replace('\\', '/'))
            .Where(f => f != "sw.js")
            .Order(StringComparer.Ordinal)
            .ToList();

        // Then the list is exactly the files written, sw.js aside, and covers every kind of file the site has
        Assert.Equal(written, worker.Revisions.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("sw.js", worker.Revisions.Keys);
        Assert.All(
            ["index.html", "404.html", "notes/index.html", "glossary/index.html", "essay.txt", "annotations.jsonld", "manifest.webmanifest"],
            file => Assert.Contains(file, worker.Revisions.Keys));
        Assert.Contains(worker.Revisions.Keys, f => f.StartsWith("assets/site.", StringComparison.Ordinal) && f.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(worker.Revisions.Keys, f => f.StartsWith("assets/offline.", StringComparison.Ordinal) && f.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(worker.Revisions.Keys, f => f.StartsWith("downloads/", StringComparison.Ordinal) && f.EndsWith(".epub", StringComparison.Ordinal));
        Assert.Contains(worker.Revisions.Keys, f => f.StartsWith("downloads/", StringComparison.Ordinal) && f.EndsWith(".html", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_revision_is_the_start_of_the_sha256_of_the_file_as_written()
    {
        // Given every listed file (a page, an asset, a PNG, the export, the manifest, …)
        var worker = ServiceWorkerFile.Read(_site.OutputDir);

        // Then its revision is the first 12 hex digits of the SHA-256 of the bytes on disk
        foreach (var (file, revision) in worker.Revisions)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(_site.OutputDir, file))));
            Assert.True(hash[..12] == revision, $"{file}: sw.js says {revision}, the file hashes to {hash[..12]}");
        }
    }

    [Theory]
    [InlineData("index.html", "")]
    [InlineData("notes/index.html", "../")]
    [InlineData("initiatives/bhashini/index.html", "../../")]
    [InlineData("404.html", "/")]
    public void Every_page_loads_the_registration_script_and_links_the_manifest(string page, string root)
    {
        // Given a page at some depth
        var html = new HtmlParser().ParseDocument(_site.Read(page));

        // Then it loads offline.js deferred, pointing it at sw.js at the site's root, links the manifest there, and
        // has the hidden status line the script fills
        var script = Assert.Single(html.QuerySelectorAll("script[data-worker]"));
        Assert.Matches(@"assets/offline\.[0-9a-f]{8}\.js$", script.GetAttribute("src"));
        Assert.True(script.HasAttribute("defer"), $"{page}: offline.js is not deferred");
        Assert.Equal(root + "sw.js", script.GetAttribute("data-worker"));
        Assert.Equal(root + "manifest.webmanifest", html.QuerySelector("link[rel=manifest]")?.GetAttribute("href"));
        Assert.Equal(2, html.QuerySelectorAll("meta[name=theme-color][media]").Length);
        var status = Assert.Single(html.QuerySelectorAll("footer .offline-status"));
        Assert.Equal("status", status.GetAttribute("role"));
        Assert.True(status.HasAttribute("hidden"), $"{page}: the offline status is shown before anything is cached");
    }

    [Fact]
    public void The_single_file_edition_has_no_worker_manifest_or_offline_status()
    {
        // Given the downloadable single-file edition, read from disk or anywhere else but the site
        var edition = Assert.Single(Directory.EnumerateFiles(Path.Combine(_site.OutputDir, "downloads"), "*.html"));
        var html = new HtmlParser().ParseDocument(File.ReadAllText(edition));

        // Then it registers nothing and promises nothing: only the site can be cached by its worker
        Assert.Empty(html.QuerySelectorAll("script[data-worker], link[rel=manifest], link[rel=apple-touch-icon], .offline-status"));
    }

    [Fact]
    public void Sw_js_is_a_fixed_name_at_the_root()
    {
        Assert.True(File.Exists(Path.Combine(_site.OutputDir, "sw.js")));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_site.OutputDir, "assets"), "sw*"));
    }
}

using System.Net;
using Marginalia.Publishing;

namespace Marginalia.Tests.Preview;

/// <summary>The preview sends the published site's headers (SiteHeaders, which netlify.toml must equal), except that nothing is cached.</summary>
public sealed class PreviewHeadersTests : IAsyncLifetime
{
    private PreviewSite _site = null!;

    public async Task InitializeAsync()
    {
        _site = await PreviewSite.StartAsync();
        // A file under media/ as the build would copy it, and one a hostile pull request might try to publish
        Directory.CreateDirectory(_site.PathOf("output/media"));
        await File.WriteAllBytesAsync(_site.PathOf("output/media/map.png"), [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        await File.WriteAllTextAsync(_site.PathOf("output/media/page.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/about/")]
    [InlineData("/no-such-page")]
    [InlineData("/essay.txt")]
    [InlineData("/annotations.jsonld")]
    [InlineData("/feed.xml")]
    [InlineData("/sw.js")]
    [InlineData("/manifest.webmanifest")]
    [InlineData("/media/map.png")]
    [InlineData("/media/page.svg")]
    public async Task Every_response_carries_the_site_headers_for_its_path_but_is_never_cached(string path)
    {
        using var response = await _site.Client.GetAsync(path);

        foreach (var (name, value) in SiteHeaders.For(path))
        {
            if (name.Equals("Cache-Control", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var sent = response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.GetValues(name);
            Assert.Equal(value, string.Join(", ", sent), ignoreCase: true);
        }

        Assert.True(response.Headers.CacheControl?.NoStore, path);
    }

    [Theory]
    [InlineData("/media/map.png")]
    [InlineData("/media/page.svg")]
    public async Task Media_is_served_sandboxed_and_never_sniffed(string path)
    {
        using var response = await _site.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("default-src 'none'; img-src 'self'; sandbox", string.Join(", ", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", string.Join(", ", response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Pages_run_under_the_site_policy_which_still_lets_the_reload_script_and_its_event_stream_load()
    {
        using var response = await _site.Client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        var policy = string.Join(", ", response.Headers.GetValues("Content-Security-Policy"));

        // The page's policy is the site's: scripts and connections from this origin only, nothing inline
        Assert.Equal(SiteHeaders.PagePolicy, policy);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal); // EventSource falls under connect-src, which falls back to it
        Assert.DoesNotContain("connect-src", policy, StringComparison.Ordinal);
        // And the reload script is an external script of this origin, with no inline script anywhere in the page
        Assert.Contains("<script src=\"/__marginalia/reload.js\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=\")(?![^>]*type=\"application/(ld\\+)?json\")[^>]*>", html); // data blocks (JSON-LD, cite-data) run nothing
        using var script = await _site.Client.GetAsync("/__marginalia/reload.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("new EventSource(\"/__marginalia/events\" + (query.length ? \"?\" + query.join(\"&\") : \"\"))", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Downloads_are_attachments_under_the_inert_policy()
    {
        var single = Directory.GetFiles(_site.PathOf("output/downloads"), "*.html").Single();
        using var response = await _site.Client.GetAsync("/downloads/" + Path.GetFileName(single));

        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(SiteHeaders.InertPolicy, string.Join(", ", response.Headers.GetValues("Content-Security-Policy")));
    }
}

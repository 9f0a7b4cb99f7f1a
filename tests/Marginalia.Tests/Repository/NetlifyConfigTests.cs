using Marginalia.Tests.Support;
using Tomlyn;
using Tomlyn.Model;

namespace Marginalia.Tests.Repository;

/// <summary>netlify.toml, parsed as TOML: what Netlify builds, publishes and sends with each kind of file.</summary>
public class NetlifyConfigTests
{
    private static readonly TomlTable Config = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(Path.Combine(RepoPaths.Root, "netlify.toml")))!;

    private static TomlTable Build => (TomlTable)Config["build"];

    private static List<(string For, TomlTable Values)> Headers =>
        [.. ((TomlTableArray)Config["headers"]).Select(h => ((string)h["for"], (TomlTable)h["values"]))];

    /// <summary>A path's headers as Netlify resolves them: every matching rule in order, a later value replacing an earlier one.</summary>
    private static Dictionary<string, string> HeadersFor(string path)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (pattern, values) in Headers.Where(h => Matches(h.For, path)))
        {
            foreach (var (name, value) in values)
            {
                result[name] = (string)value;
            }
        }

        return result;
    }

    private static bool Matches(string pattern, string path) =>
        System.Text.RegularExpressions.Regex.IsMatch(path, "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$");

    [Fact]
    public void The_site_is_published_from_output_and_built_by_the_ReadyToRun_cli_installing_dotnet_when_missing()
    {
        Assert.Equal("output", Build["publish"]);
        var command = (string)Build["command"];
        Assert.Contains("if ! command -v dotnet", command, StringComparison.Ordinal);
        Assert.Contains("https://dot.net/v1/dotnet-install.sh", command, StringComparison.Ordinal);
        Assert.Contains("--channel 10.0", command, StringComparison.Ordinal);
        // ./marginalia publishes the CLI in Release, ReadyToRun, then runs it: no JIT build of the whole tool per deploy.
        Assert.Contains("./marginalia build --input input --theme theme --output output", command, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet run", command, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_page_gets_the_security_headers()
    {
        var page = HeadersFor("/notes/");

        Assert.Equal("default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'", page["Content-Security-Policy"]);
        Assert.DoesNotContain("unsafe-inline", page["Content-Security-Policy"], StringComparison.Ordinal);
        Assert.Equal("nosniff", page["X-Content-Type-Options"]);
        Assert.Equal("strict-origin-when-cross-origin", page["Referrer-Policy"]);
        Assert.Equal("camera=(), microphone=(), geolocation=(), interest-cohort=()", page["Permissions-Policy"]);
    }

    [Fact]
    public void Hashed_assets_are_immutable_for_a_year_and_pages_and_the_service_worker_are_revalidated()
    {
        Assert.Equal("public, max-age=31536000, immutable", HeadersFor("/assets/site.0123abcd.css")["Cache-Control"]);
        Assert.Equal("public, max-age=0, must-revalidate", HeadersFor("/index.html")["Cache-Control"]);
        Assert.Equal("public, max-age=0, must-revalidate", HeadersFor("/glossary/")["Cache-Control"]);
        Assert.Equal("no-cache", HeadersFor("/sw.js")["Cache-Control"]);
    }

    [Fact]
    public void Downloads_are_attachments_under_a_policy_that_runs_nothing()
    {
        var single = HeadersFor("/downloads/ai-and-the-unfinished-agenda-of-globalisation.html");

        Assert.Equal("attachment", single["Content-Disposition"]);
        Assert.Equal("default-src 'none'; sandbox", single["Content-Security-Policy"]);
        Assert.Equal("application/epub+zip", HeadersFor("/downloads/essay.epub")["Content-Type"]);
    }

    [Fact]
    public void The_headers_rules_are_exactly_the_ones_the_preview_sends()
    {
        // netlify.toml and SiteHeaders are the same rules in the same order, each with the same headers in the same order
        var toml = Headers.Select(h => (h.For, Values: h.Values.Select(v => (v.Key, (string)v.Value)).ToList())).ToList();
        var code = Marginalia.Publishing.SiteHeaders.Rules.Select(r => (r.For, Values: r.Values.Select(v => (v.Key, v.Value)).ToList())).ToList();

        Assert.Equal(code.Select(r => r.For), toml.Select(r => r.For));
        foreach (var (rule, expected) in toml.Zip(code))
        {
            Assert.Equal(expected.Values, rule.Values);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/notes/")]
    [InlineData("/assets/site.0123abcd.css")]
    [InlineData("/sw.js")]
    [InlineData("/manifest.webmanifest")]
    [InlineData("/feed.xml")]
    [InlineData("/downloads/essay.html")]
    [InlineData("/downloads/essay.epub")]
    [InlineData("/media/map.png")]
    [InlineData("/media/sub/photo.jpg")]
    [InlineData("/annotations.jsonld")]
    [InlineData("/essay.txt")]
    [InlineData("/no-such-page")]
    public void Every_path_resolves_to_the_same_headers_in_netlify_and_in_the_preview(string path)
    {
        Assert.Equal(HeadersFor(path).OrderBy(h => h.Key, StringComparer.Ordinal), Marginalia.Publishing.SiteHeaders.For(path).OrderBy(h => h.Key, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/media/map.png")]
    [InlineData("/media/photo.svg")]
    [InlineData("/media/page.html")]
    [InlineData("/media/deep/folder/x.js")]
    public void Media_is_never_sniffed_and_runs_nothing(string path)
    {
        var media = HeadersFor(path);

        Assert.Equal("nosniff", media["X-Content-Type-Options"]);
        Assert.Equal("default-src 'none'; img-src 'self'; sandbox", media["Content-Security-Policy"]);
        Assert.Equal("public, max-age=0, must-revalidate", media["Cache-Control"]);
    }

    [Fact]
    public void Unknown_paths_get_the_404_page()
    {
        var redirect = Assert.Single((TomlTableArray)Config["redirects"]);
        Assert.Equal("/*", redirect["from"]);
        Assert.Equal("/404.html", redirect["to"]);
        Assert.Equal(404L, redirect["status"]);
    }

    [Fact]
    public void Pull_requests_get_a_deploy_preview_built_the_same_way()
    {
        var preview = (TomlTable)((TomlTable)Config["context"])["deploy-preview"];
        Assert.Equal(Build["command"], preview["command"]);
    }
}

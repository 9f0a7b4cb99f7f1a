using Marginalia.Cli;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Cli;

/// <summary>The source-hygiene warning (MG0630) as a contributor meets it, and 'check --fix-sources', on a copy of the repository.</summary>
public class CheckFixSourcesTests
{
    private const string Term = "input/glossary/hygiene-test.md";

    private static async Task<(int Exit, string Out, string Error)> Check(TempSite site, params string[] extra)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await new CliApp(CliConsoles.ToWriters(output, error)).RunAsync(
            ["check", "--input", site.PathOf("input"), "--theme", site.PathOf("theme"), .. extra]);
        return (exit, output.ToString(), error.ToString());
    }

    private static TempSite SiteWithDirtySources()
    {
        var site = TempSite.CopyOfRepository();
        site.Write(Term, string.Join('\n',
            "---",
            "term: \"globalisation\"",
            "short: \"The growing interdependence of the world's economies.\"",
            "author: \"jdoe\"",
            "sources:",
            "  - title: \"Tracked\"",
            "    url: \"https://example.org/page?id=3&utm_source=newsletter&fbclid=IwAR0\"",
            "  - title: \"Port\"",
            "    url: \"https://itu.int:443/en/mediacentre/\"",
            "  - title: \"Feed\"",
            "    url: \"https://feeds.bbci.co.uk/news/uk-55181842\"",
            "---",
            "A test entry.",
            string.Empty));
        return site;
    }

    [Fact]
    public async Task Check_warns_at_each_address_with_its_line_and_column_and_passes()
    {
        using var site = SiteWithDirtySources();

        var (exit, json, error) = await Check(site, "--format", "json");

        Assert.Equal(0, exit);
        var ours = System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateArray()
            .Where(d => d.GetProperty("code").GetString() == "MG0630" && d.GetProperty("path").GetString()!.EndsWith("hygiene-test.md", StringComparison.Ordinal))
            .Select(d => (d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32(), d.GetProperty("severity").GetString(), d.GetProperty("message").GetString()))
            .ToList();
        Assert.Equal(
            [
                (7, 10, "warning", "the source's address carries tracking parameters (utm_source, fbclid)"),
                (9, 10, "warning", "the source's address spells out its scheme's default port (:443)"),
                (11, 10, "warning", "the source's address is on a feed host (feeds.bbci.co.uk), which serves a feed reader's copy of the page"),
            ],
            ours);
        Assert.Empty(error);
    }

    [Fact]
    public async Task Fix_sources_removes_tracking_and_ports_reports_each_change_and_leaves_the_feed_to_a_person()
    {
        // Given a term with a tracked address, a default port and a feed host
        using var site = SiteWithDirtySources();
        var before = site.Read(Term);

        // When check runs with --fix-sources
        var (exit, _, error) = await Check(site, "--fix-sources");

        // Then exactly the two mechanical fixes are written and reported
        Assert.Equal(0, exit);
        Assert.Equal(
            before.Replace("page?id=3&utm_source=newsletter&fbclid=IwAR0", "page?id=3", StringComparison.Ordinal)
                .Replace("itu.int:443/", "itu.int/", StringComparison.Ordinal),
            site.Read(Term));
        Assert.Contains("fixed ", error, StringComparison.Ordinal);
        Assert.Contains("hygiene-test.md: https://example.org/page?id=3&utm_source=newsletter&fbclid=IwAR0 → https://example.org/page?id=3", error, StringComparison.Ordinal);
        Assert.Contains("hygiene-test.md: https://itu.int:443/en/mediacentre/ → https://itu.int/en/mediacentre/", error, StringComparison.Ordinal);

        // And a second check warns only of the feed host
        var (_, json, _) = await Check(site, "--format", "json");
        var left = System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateArray()
            .Where(d => d.GetProperty("code").GetString() == "MG0630" && d.GetProperty("path").GetString()!.EndsWith("hygiene-test.md", StringComparison.Ordinal))
            .Select(d => d.GetProperty("line").GetInt32())
            .ToList();
        Assert.Equal([11], left);
    }

    [Fact]
    public async Task Plain_check_and_check_fix_leave_sources_as_they_are()
    {
        using var site = SiteWithDirtySources();
        var before = site.Read(Term);

        await Check(site);
        await Check(site, "--fix");

        Assert.Equal(before, site.Read(Term));
    }
}

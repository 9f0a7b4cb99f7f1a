using Marginalia.Contributions.Sources;

namespace Marginalia.Tests.Contributions.Sources;

public class SourceUrlReviewTests
{
    [Theory]
    [InlineData(
        "https://carnegieendowment.org/publications/interactive/aI-surveillance?utm_source=Digest&utm_campaign=6fe318d3be-RSS_EMAIL_CAMPAIGN&utm_medium=email&utm_term=0_d90a01c7ff&fbclid=IwAR0VbrEXN3",
        "https://carnegieendowment.org/publications/interactive/aI-surveillance")]
    [InlineData(
        "https://nam.org/commerce-updates-chip-export-restrictions-29133/?stream=issue-immigration&utm_source=link&utm_medium=social",
        "https://nam.org/commerce-updates-chip-export-restrictions-29133/?stream=issue-immigration")]
    [InlineData("https://example.org/a?gclid=1&page=2&msclkid=3&q=x#part", "https://example.org/a?page=2&q=x#part")]
    [InlineData("https://example.org/a?UTM_Source=news#top", "https://example.org/a#top")]
    [InlineData("https://example.org/a?%75tm_medium=email&id=7", "https://example.org/a?id=7")]
    [InlineData("https://example.org/a?id=7&amp;utm_source=feed", "https://example.org/a?id=7")]
    [InlineData("https://itu.int:443/en/mediacentre/Pages/2018-PR15.aspx", "https://itu.int/en/mediacentre/Pages/2018-PR15.aspx")]
    [InlineData("http://dictionary.com:80/browse/economic-nationalism", "http://dictionary.com/browse/economic-nationalism")]
    [InlineData("HTTPS://Example.org:0443?utm_id=1", "HTTPS://Example.org")]
    [InlineData("https://user@[2001:db8::1]:443/x", "https://user@[2001:db8::1]/x")]
    public void Clean_removes_tracking_parameters_and_default_ports_and_keeps_the_rest_as_written(string url, string clean)
    {
        Assert.Equal(clean, SourceUrlReview.Clean(url));
    }

    [Theory]
    [InlineData("https://example.org:8443/a?id=1")]
    [InlineData("http://example.org:443/a")]
    [InlineData("https://example.org:80/a")]
    [InlineData("https://[2001:db8::1]/a")]
    [InlineData("https://example.org/search?q=utm_source&lang=en")]
    [InlineData("https://example.org/a?")]
    [InlineData("https://example.org/a?b=%ZZ")]
    public void Clean_leaves_an_address_with_nothing_to_remove_exactly_as_written(string url)
    {
        Assert.Equal(url, SourceUrlReview.Clean(url));
        Assert.Empty(SourceUrlReview.Review(url));
    }

    [Fact]
    public void Review_names_each_tracking_parameter_once_and_shows_the_clean_address()
    {
        var problems = SourceUrlReview.Review("https://example.org/a?utm_source=x&fbclid=y&utm_source=z");

        var problem = Assert.Single(problems);
        Assert.Equal("the source's address carries tracking parameters (utm_source, fbclid)", problem.Message);
        Assert.Equal("'check --fix-sources' removes them: https://example.org/a", problem.Hint);
    }

    [Fact]
    public void Review_names_a_default_port_as_written()
    {
        var problem = Assert.Single(SourceUrlReview.Review("https://itu.int:443/en/"));

        Assert.Equal("the source's address spells out its scheme's default port (:443)", problem.Message);
        Assert.Equal("'check --fix-sources' removes it: https://itu.int/en/", problem.Hint);
    }

    [Theory]
    [InlineData("https://feeds.bbci.co.uk/news/uk-55181842", "the source's address is on a feed host (feeds.bbci.co.uk), which serves a feed reader's copy of the page")]
    [InlineData("https://rss.example.com/story/1", "the source's address is on a feed host (rss.example.com), which serves a feed reader's copy of the page")]
    [InlineData("https://en.oxforddictionaries.com/definition/us/attache", "the source's host en.oxforddictionaries.com no longer exists (Oxford's dictionaries moved to Lexico in 2019, which closed in 2022)")]
    [InlineData("https://www.lexico.com/definition/attache", "the source's host www.lexico.com no longer exists (Lexico closed in 2022)")]
    [InlineData("https://indiawaterportal.org/amp/story/agriculture/farm/x", "the source's address is an AMP copy of a page")]
    [InlineData("https://epaper.assamtribune.com/amp/assam/story-1547530", "the source's address is an AMP copy of a page")]
    [InlineData("https://amp.theguardian.com/world/2020/jan/01/story", "the source's address is an AMP copy of a page")]
    [InlineData("https://www-example-com.cdn.ampproject.org/c/s/www.example.com/story", "the source's address is an AMP copy of a page")]
    [InlineData("https://example.com/news/story.amp.html", "the source's address is an AMP copy of a page")]
    [InlineData("https://example.com/news/story?amp=1", "the source's address is an AMP copy of a page")]
    [InlineData("https://example.com/news/story?outputType=amp", "the source's address is an AMP copy of a page")]
    [InlineData("https://indianexpress.com/article/business/some-story-9431432/lite", "the source's address is a text-only ('lite') copy of a page")]
    [InlineData("https://lite.cnn.com/2024/01/01/story", "the source's address is a text-only ('lite') copy of a page")]
    [InlineData("https://text.npr.org/1234", "the source's address is a text-only ('lite') copy of a page")]
    public void Review_finds_copies_feeds_and_closed_hosts_which_need_a_person(string url, string message)
    {
        var problem = Assert.Single(SourceUrlReview.Review(url));

        Assert.Equal(message, problem.Message);
        Assert.DoesNotContain("--fix-sources", problem.Hint, StringComparison.Ordinal);
        Assert.Equal(url, SourceUrlReview.Clean(url));
    }

    [Theory]
    [InlineData("https://www.ampleforth.org/amplify/camp")]
    [InlineData("https://example.org/satellite/elite")]
    [InlineData("https://example.org/lite")]
    [InlineData("https://rss-news.example.org/feeds/story")]
    [InlineData("https://www.bbc.co.uk/news/uk-55181842")]
    [InlineData("https://www.oxfordlearnersdictionaries.com/definition/english/attache")]
    [InlineData("https://example.org/page?lamp=1&example=amp")]
    [InlineData("https://amp.dev/documentation/guides-and-tutorials/")]
    [InlineData("https://rss.com/podcasts/")]
    public void Review_finds_nothing_in_addresses_that_only_look_alike(string url)
    {
        Assert.Empty(SourceUrlReview.Review(url));
    }

    [Fact]
    public void Review_reports_every_problem_of_one_address()
    {
        var messages = SourceUrlReview.Review("https://feeds.example.com:443/amp/story?utm_source=rss").Select(p => p.Message).ToList();

        Assert.Equal(
            [
                "the source's address spells out its scheme's default port (:443)",
                "the source's address carries tracking parameters (utm_source)",
                "the source's address is on a feed host (feeds.example.com), which serves a feed reader's copy of the page",
                "the source's address is an AMP copy of a page",
            ],
            messages);
    }
}

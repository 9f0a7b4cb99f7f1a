using Marginalia.Content;
using Marginalia.Tests.Support;
using Xunit.Abstractions;

namespace Marginalia.Tests.Content;

public sealed class HtmlParsesTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_build_of_the_repositorys_site_parses_the_essay_once_and_no_page()
    {
        // Given the repository's site
        using var site = TempSite.CopyOfRepository();

        // When it is built with its HTML parses tallied
        var tally = HtmlParses.Tally();
        var result = await site.BuildAsync();

        // Then the essay's HTML was parsed once, into the model every edition renders
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        output.WriteLine($"HTML parses in one build of input/: {tally}");
        Assert.Equal(1, tally[ParsedHtml.Essay]);

        // And no page: the single-file edition reads the reader page's tokens, never a DOM of it, and the link check
        // takes each page's ids and links as rendered (WrittenPagesTests holds them to the written files).
        Assert.Equal(0, tally[ParsedHtml.Page]);
    }
}

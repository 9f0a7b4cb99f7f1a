using Marginalia.Importing;

namespace Marginalia.Tests.Importing;

public sealed class ImportBodyTests
{
    [Fact]
    public void Closing_sources_list_of_links_becomes_the_notes_sources_and_leaves_the_body()
    {
        // Given a body that ends with a "Sources:" line and a list of two links, one titled and one bare
        const string markdown = "Bhashini covers 22 languages.\n\n**Sources:**\n\n- [Bhashini \\[home\\]](https://bhashini.gov.in/)\n- <https://example.org/report>\n";

        // When the list is split off
        var (body, sources) = ImportBody.SplitSourcesList(markdown);

        // Then the body keeps its text only, and the sources are the links, titled by their text (or their address)
        Assert.Equal("Bhashini covers 22 languages.", body);
        Assert.Equal([("Bhashini [home]", "https://bhashini.gov.in/"), ("https://example.org/report", "https://example.org/report")], sources);
    }

    [Theory]
    [InlineData("See [the report](https://example.org/r) for more.")]
    [InlineData("Sources:\n\n- [a](https://example.org/a)")]
    [InlineData("Text.\n\nSources:\n\n- [a](https://example.org/a)\n\nMore text after the list.")]
    [InlineData("Text.\n\nSources:\n\n- not a link")]
    [InlineData("Text.\n\nSources:\n\n- [a](javascript:alert(1))")]
    public void Links_stay_in_the_body_unless_a_closing_sources_list_holds_only_web_links_after_some_text(string markdown)
    {
        // Given a link in running text, a list with no text before it, text after the list, a list item that is no
        // link, or a link that is not http(s)
        // When the list is looked for
        var (body, sources) = ImportBody.SplitSourcesList(markdown);

        // Then the body is unchanged and no source is taken
        Assert.Equal(markdown, body);
        Assert.Empty(sources);
    }
}

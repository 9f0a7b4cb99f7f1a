using Marginalia.Content;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Content;

/// <summary>Markdown → HTML (Markdig) → DOM (AngleSharp) → HTML must give back the same text and markup, with no double-encoded entities.</summary>
public class HtmlRoundTripTests
{
    [Fact]
    public void Inline_markup_entities_and_astral_characters_survive_the_round_trip_exactly()
    {
        // Given Markdown with what the essay lacks: emphasis, links with & in URLs and titles, < in text, emoji
        var markdown = File.ReadAllText(RepoPaths.Fixture("roundtrip", "inline.md"));
        var expected = File.ReadAllText(RepoPaths.Fixture("roundtrip", "inline.html")).TrimEnd('\n');

        // When it is rendered, parsed into a DOM and written back
        var rendered = MarkdownRenderer.ToHtml(markdown);
        var roundTripped = HtmlFragment.SerializeChildren(HtmlFragment.Parse(rendered)).TrimEnd('\n');

        // Then the markup is exactly the expected HTML (characters stay characters; only &, <, > are escaped)
        Assert.Equal(expected, roundTripped);
        Assert.DoesNotContain("&amp;amp;amp;", roundTripped, StringComparison.Ordinal);
    }

    [Fact]
    public void Round_tripping_twice_changes_nothing()
    {
        var markdown = File.ReadAllText(RepoPaths.Fixture("roundtrip", "inline.md"));
        var once = HtmlFragment.SerializeChildren(HtmlFragment.Parse(MarkdownRenderer.ToHtml(markdown)));

        var twice = HtmlFragment.SerializeChildren(HtmlFragment.Parse(once));

        Assert.Equal(once, twice);
    }

    [Fact]
    public void The_whole_essay_keeps_its_text_through_the_round_trip()
    {
        // Given the essay's Markdown body
        var essay = File.ReadAllText(Path.Combine(RepoPaths.Input, "essay.md"));
        var body = essay[(essay.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..];

        // When rendered by Markdig and round-tripped through AngleSharp
        var markdigText = HtmlFragment.Parse(MarkdownRenderer.ToHtml(body)).TextContent;
        var roundTripped = HtmlFragment.Parse(HtmlFragment.SerializeChildren(HtmlFragment.Parse(MarkdownRenderer.ToHtml(body))));

        // Then the text is identical, typographic quotes and dashes included
        Assert.Equal(markdigText, roundTripped.TextContent);
        Assert.Contains("“intelligent multilateralism.”", roundTripped.TextContent, StringComparison.Ordinal);
        Assert.Contains("AI attachés", roundTripped.TextContent, StringComparison.Ordinal);
    }
}

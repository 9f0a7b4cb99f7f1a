using AngleSharp.Dom;
using Marginalia.Content;
using static Marginalia.Tests.Support.NoteFixtures;

namespace Marginalia.Tests.Reader;

public class NoteMarkersTests
{
    public static TheoryData<string, string[], string> Touching => new()
    {
        // Two notes on one passage: a context note and a fact-check.
        { "Alpha beta gamma delta.", ["quote: \"beta gamma\"", "quote: \"beta gamma\""], "1,2" },
        // Three notes on one passage.
        { "Alpha beta gamma delta.", ["quote: \"beta gamma\"", "quote: \"beta gamma\"", "quote: \"beta gamma\""], "1,2,3" },
        // Passages that overlap and end at the same word.
        { "Alpha beta gamma delta.", ["quote: \"Alpha beta gamma\"", "quote: \"gamma\""], "1,2" },
        // Adjacent passages, the second ending where the third one does.
        { "Alpha beta gamma delta.", ["quote: \"Alpha\"", "quote: \"beta gamma\"", "quote: \"gamma\""], "1beta gamma2,3" },
        // A passage in emphasis ends with the emphasis, at the same word as a plain one.
        { "Alpha *beta gamma* delta.", ["quote: \"beta gamma\"", "quote: \"gamma\""], "1,2" },
        // A note ending right before the author's own footnote.
        { "Alpha beta gamma[^a] delta.\n\n[^a]: The author’s remark.", ["quote: \"beta gamma\""], "1,2" },
    };

    [Theory]
    [MemberData(nameof(Touching))]
    public void Markers_with_no_text_between_them_are_separated_by_a_comma_outside_both_links(string paragraph, string[] quotes, string expected)
    {
        var essay = Essay(paragraph + "\n");

        var (result, diagnostics) = Weave(essay, [.. quotes.Select((q, i) => Note("n" + i, q))]);

        Assert.Empty(diagnostics);
        var root = HtmlFragment.Parse(result.Html);
        Assert.Equal(expected, MarkerText(root));
        foreach (var comma in root.QuerySelectorAll("span.note-ref-sep"))
        {
            Assert.Equal(",", comma.TextContent);
            Assert.Equal("true", comma.GetAttribute("aria-hidden"));
            Assert.Null(comma.Closest("a"));
            Assert.Equal("note-ref", (comma.NextElementSibling?.ClassName));
        }

        // Each number stays its own link, with its own name for screen readers.
        var markers = root.QuerySelectorAll("a.note-ref").ToList();
        Assert.Equal(Enumerable.Range(1, markers.Count).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), markers.Select(m => m.TextContent));
        Assert.Equal(Enumerable.Range(1, markers.Count).Select(n => "Note " + n), markers.Select(m => m.GetAttribute("aria-label")));
    }

    [Theory]
    [InlineData("Alpha beta gamma delta.", "quote: \"beta\"", "quote: \"gamma\"")]
    [InlineData("Alpha beta. Gamma delta.", "quote: \"beta.\"", "quote: \"Gamma\"")]
    [InlineData("Alpha beta.\n\nGamma delta.", "quote: \"beta.\"", "quote: \"Gamma delta.\"")]
    public void Markers_with_text_or_a_paragraph_between_them_get_no_comma(string paragraphs, string first, string second)
    {
        var (result, diagnostics) = Weave(Essay(paragraphs + "\n"), Note("a", first), Note("b", second));

        Assert.Empty(diagnostics);
        Assert.Equal(2, HtmlFragment.Parse(result.Html).QuerySelectorAll("a.note-ref").Length);
        Assert.DoesNotContain("note-ref-sep", result.Html, StringComparison.Ordinal);
    }

    /// <summary>The markers and commas as a reader sees them, and the words between markers of one paragraph.</summary>
    private static string MarkerText(IElement root)
    {
        var markers = root.QuerySelectorAll("a.note-ref");
        var first = markers[0];
        var last = markers[markers.Length - 1];
        var text = new System.Text.StringBuilder();
        var inside = false;
        foreach (var node in root.GetDescendants())
        {
            if (node == first)
            {
                inside = true;
            }

            if (inside && node is IText t && t.Parent is IElement parent && (parent.Closest("a.note-ref, span.note-ref-sep") is not null || !string.IsNullOrWhiteSpace(t.Data)))
            {
                text.Append(t.Data);
            }

            if (node is IText && node.Parent == last)
            {
                break;
            }
        }

        return text.ToString();
    }
}

using System.Text.RegularExpressions;
using Marginalia.Annotations;
using Marginalia.Tests.Support;
using static Marginalia.Tests.Support.NoteFixtures;

namespace Marginalia.Tests.Annotations;

/// <summary>
/// The counts the filter by kind shows (note_kinds): one entry per kind the essay has notes of, in the kinds' order,
/// written into the reader's settings panel and the notes page at build time.
/// </summary>
public partial class NoteKindCountsTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    private const string Paragraphs = "Alpha beta gamma.\n\nDelta epsilon zeta eta theta.\n";

    [Fact]
    public void Each_kind_with_notes_is_counted_in_the_kinds_order_and_a_kind_without_notes_is_left_out()
    {
        // Given three counterpoints, one context note and no note of any other kind (written out of order)
        var (result, diagnostics) = Weave(
            Essay(Paragraphs),
            Note("c1", "quote: \"Alpha\"\nkind: counterpoint"),
            Note("x1", "quote: \"beta\"\nkind: context"),
            Note("c2", "quote: \"gamma\"\nkind: counterpoint"),
            Note("c3", "quote: \"Delta\"\nkind: counterpoint"));
        Assert.Empty(diagnostics);

        // When the counts are made for the pages
        var counts = NoteKindCounts.Of(result.Notes);

        // Then context comes before counterpoint (NoteKind's order), each with its count and the label readers see
        Assert.Equal([new NoteKindView("context", "Context", 1), new NoteKindView("counterpoint", "Counterpoint", 3)], counts);
    }

    [Fact]
    public void An_essay_without_notes_has_no_kinds()
    {
        var (result, _) = Weave(Essay(Paragraphs));

        Assert.Empty(NoteKindCounts.Of(result.Notes));
    }

    [Fact]
    public void The_reader_and_the_notes_page_write_each_kinds_count_of_the_input()
    {
        // Given the repository's notes, counted by kind from their files
        var expected = Directory.GetFiles(Path.Combine(RepoPaths.Input, "annotations"), "*.md")
            .Select(file => KindLine().Match(File.ReadAllText(file)).Groups["kind"].Value)
            .GroupBy(kind => kind, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        Assert.True(expected.Count > 1, "the input has notes of one kind only, so no page offers a filter");

        foreach (var page in new[] { "index.html", "notes/index.html" })
        {
            // When the built page is read
            var written = Checkbox().Matches(site.Read(page)).ToDictionary(m => m.Groups["kind"].Value, m => m.Groups["count"].Value, StringComparer.Ordinal);

            // Then it has one checkbox per kind, with that kind's count, in a fieldset hidden until the script runs
            Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), written.OrderBy(p => p.Key, StringComparer.Ordinal));
            Assert.Contains("<fieldset class=\"note-kinds", site.Read(page), StringComparison.Ordinal);
            Assert.Matches("<fieldset class=\"note-kinds[^\"]*\" hidden>", site.Read(page));
        }
    }

    // A value may be quoted and followed by a comment, as `new annotation` writes it
    [GeneratedRegex(@"^kind:\s*""?(?<kind>[a-z-]+)""?\s*(#.*)?$", RegexOptions.Multiline)]
    private static partial Regex KindLine();

    [GeneratedRegex("""<input type="checkbox" name="note-kind" value="(?<kind>[a-z-]+)" checked> [^<]+ <span class="note-kinds-count">(?<count>\d+)</span>""")]
    private static partial Regex Checkbox();
}

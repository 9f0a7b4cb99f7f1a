using Marginalia.Annotations;
using Marginalia.Pages;
using static Marginalia.Tests.Support.NoteFixtures;

namespace Marginalia.Tests.Annotations;

/// <summary>The contributors and sources pages name a note by its passage, which a new note elsewhere does not move.</summary>
public class PassageLabelTests
{
    private const string Paragraphs = "Alpha beta gamma.\n\nDelta epsilon zeta eta theta.\n";

    [Fact]
    public void A_note_keeps_its_name_on_the_contributors_page_when_a_note_is_inserted_before_it()
    {
        // Given a note on the second paragraph, named on the contributors page
        var essay = Essay(Paragraphs);
        var later = Note("later", "quote: \"epsilon zeta\"");
        var (before, _) = Weave(essay, later);

        // When a note is added on the first paragraph, which takes number 1 from it
        var (after, diagnostics) = Weave(essay, later, Note("earlier", "quote: \"beta\""));

        // Then its number moved but its name did not
        Assert.Empty(diagnostics);
        Assert.Equal(2, after.Notes.Single(n => n.Note.Id == "later").Number);
        Assert.Equal(["“epsilon zeta”"], NoteLabels(before));
        Assert.Equal(["“beta”", "“epsilon zeta”"], NoteLabels(after));
        Assert.DoesNotContain(NoteLabels(after), l => l.Contains("Note", StringComparison.Ordinal));
    }

    [Fact]
    public void The_sources_page_names_the_citing_note_by_its_passage()
    {
        var note = Note("n", "quote: \"epsilon zeta\"\nsources:\n  - title: \"A source\"\n    url: \"https://example.org/a\"");
        var (result, _) = Weave(Essay(Paragraphs), Note("first", "quote: \"Alpha\""), note);

        var source = Assert.Single(SourcesModel.Sources(result, "sources/index.html"));
        var cited = Assert.Single(source.Cited);
        Assert.Equal("Note on “epsilon zeta”", cited.Label);
        Assert.Equal("../index.html#note-n", cited.Href);
    }

    [Theory]
    [InlineData("Delta epsilon zeta eta theta.", "“Delta epsilon zeta eta theta.”")]
    [InlineData("One two three four five six seven eight nine ten eleven.", "“One two three four five six seven eight…”")]
    [InlineData("First clause here, second clause follows on and on.", "“First clause here, second clause follows…”")]
    [InlineData("Supercalifragilisticexpialidociousnessandmorewordsjoined here.", "“Supercalifragilisticexpialidociousnessan…”")]
    public void A_long_passage_is_cut_at_a_word_with_an_ellipsis(string paragraph, string expected)
    {
        var (result, _) = Weave(Essay(paragraph + "\n"), Note("n", $"quote: \"{paragraph}\""));

        Assert.Equal(expected, PassageLabel.Of(result.Notes[0], result.Text));
    }

    private static List<string> NoteLabels(Marginalia.Extensions.ReaderResult result)
    {
        var contributor = Assert.Single(SourcesModel.Contributors(result, "contributors/index.html"));
        return [.. contributor.Work.Single(w => w.Title == "Notes").Items.Select(i => i.Label)];
    }
}

using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Marginalia.Annotations;
using Marginalia.Content;
using Marginalia.Reader;
using Marginalia.Tests.Support;
using Marginalia.Text;

namespace Marginalia.Tests.Properties;

/// <summary>
/// Any run of whole words within one paragraph, quoted (with the prefix or suffix QuoteMatcher.Locate proposes when
/// it repeats), anchors exactly there. Essays are paragraphs of words from a five-word vocabulary, so repeats are common.
/// </summary>
public partial class QuoteAnchoringProperties
{
    private static readonly string[] Vocabulary = ["fox", "owl", "sun", "tree", "rain"];

    /// <summary>An essay (its paragraphs) and three numbers that pick a paragraph, a first word and a length.</summary>
    public sealed record Pick(string[] Paragraphs, int Block, int Word, int Length)
    {
        public override string ToString() => $"paragraphs: [{string.Join(" | ", Paragraphs)}], block {Block}, word {Word}, length {Length}";
    }

    private static Arbitrary<Pick> Picks()
    {
        var paragraph = Gen.Choose(3, 14).SelectMany(n => Gen.Elements(Vocabulary).ArrayOf(n)).Select(words => string.Join(' ', words));
        var essay = Gen.Choose(1, 5).SelectMany(n => paragraph.ArrayOf(n));
        var gen = from paragraphs in essay
                  from block in Gen.Choose(0, 1_000)
                  from word in Gen.Choose(0, 1_000)
                  from length in Gen.Choose(0, 1_000)
                  select new Pick(paragraphs, block, word, length);
        return gen.ToArbitrary();
    }

    [Property(MaxTest = 200, MaxRejected = 2_000)]
    public Property A_quote_of_whole_words_in_one_paragraph_anchors_exactly_where_it_was_taken() =>
        Prop.ForAll(Picks(), pick =>
        {
            // Given an essay and a run of whole words in one of its paragraphs
            var essay = NoteFixtures.Essay(string.Join("\n\n", pick.Paragraphs) + "\n");
            var index = TextIndex.Build(HtmlFragment.Parse(essay.Html), e => e.ClassList.Contains("permalink") || e.ClassList.Contains(EssayWeaver.MarkerClass));
            var paragraphs = index.Blocks.Where(b => b.Id.StartsWith("p-", StringComparison.Ordinal)).ToList();
            var block = paragraphs[pick.Block % paragraphs.Count];
            var words = Word().Matches(index.Text[block.Start..block.End]);
            var first = pick.Word % words.Count;
            var last = first + (pick.Length % (words.Count - first));
            var (start, end) = (block.Start + words[first].Index, block.Start + words[last].Index + words[last].Length);
            var quote = index.Text[start..end];

            // And the prefix or suffix Locate proposes for that place when the words repeat
            var places = QuoteOccurrences.Locate(index, quote);
            var place = Assert.Single(places, p => p.Start == start);
            Assert.Equal((end, block.Id), (place.End, place.BlockId));
            var decidable = places.Count == 1 || place.Prefix is not null || place.Suffix is not null;

            return Prop.When(decidable, () =>
            {
                // When a note quotes it so and is woven in
                var fields = $"quote: \"{quote}\"\n"
                    + (place.Prefix is { } prefix ? $"prefix: \"{prefix}\"\n" : "")
                    + (place.Suffix is { } suffix ? $"suffix: \"{suffix}\"\n" : "");
                var (result, diagnostics) = NoteFixtures.Weave(essay, NoteFixtures.Note("chosen", fields));

                // Then it is anchored on exactly the chosen span, with no diagnostics
                Assert.Empty(diagnostics);
                Assert.Equal(index.Text, result.Text);
                var anchored = Assert.Single(result.Notes);
                Assert.Equal((start, end, block.Id), (anchored.Start, anchored.End, anchored.BlockId));
                Assert.Equal(quote, anchored.Exact(result.Text));
            });
        });

    [Fact]
    public void A_repeated_quote_is_placed_by_the_prefix_locate_proposes()
    {
        // The property's path, on one readable essay: "fox owl" occurs three times; the third is decided by its prefix
        var essay = NoteFixtures.Essay("fox owl sun fox owl tree\n\nrain fox owl rain\n");
        var index = TextIndex.Build(HtmlFragment.Parse(essay.Html), e => e.ClassList.Contains("permalink") || e.ClassList.Contains(EssayWeaver.MarkerClass));

        var places = QuoteOccurrences.Locate(index, "fox owl");
        var (result, diagnostics) = NoteFixtures.Weave(essay, NoteFixtures.Note("third", $"quote: \"fox owl\"\nprefix: \"{places[2].Prefix}\"\n"));

        Assert.Equal(3, places.Count);
        Assert.Equal(("rain", (string?)null), (places[2].Prefix, places[2].Suffix));
        Assert.Empty(diagnostics);
        Assert.Equal((places[2].Start, places[2].End), (result.Notes[0].Start, result.Notes[0].End));
        Assert.Equal("rain fox owl rain", result.Text[index.BlockAt(places[2].Start).Start..index.BlockAt(places[2].Start).End]);
    }

    [GeneratedRegex(@"\S+")]
    private static partial Regex Word();
}

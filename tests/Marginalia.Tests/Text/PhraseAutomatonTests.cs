using Marginalia.Text;

namespace Marginalia.Tests.Text;

public class PhraseAutomatonTests
{
    [Fact]
    public void Every_occurrence_of_every_phrase_is_found_including_overlapping_and_nested_ones()
    {
        // Given phrases that nest ("he" in "she", "hers") and overlap
        var automaton = new PhraseAutomaton(["he", "she", "his", "hers"]);

        // When a text is searched once
        var matches = automaton.FindAll("ushers and his").ToList();

        // Then each occurrence is reported with its span, longest first at the same end
        Assert.Equal(
        [
            new PhraseMatch(1, 1, 4), // she
            new PhraseMatch(0, 2, 4), // he
            new PhraseMatch(3, 2, 6), // hers
            new PhraseMatch(2, 11, 14), // his
        ], matches);
    }

    [Fact]
    public void A_phrase_that_is_not_there_is_not_found_and_empty_phrases_are_ignored()
    {
        var automaton = new PhraseAutomaton(["", "zebra"]);

        Assert.Empty(automaton.FindAll("a text without it"));
    }

    [Fact]
    public void A_repeated_phrase_is_reported_once_under_its_first_index()
    {
        var matches = new PhraseAutomaton(["ab", "b", "ab", "", "abc"]).FindAll("xabc").ToList();

        Assert.Equal([new PhraseMatch(0, 1, 3), new PhraseMatch(1, 2, 3), new PhraseMatch(4, 1, 4)], matches);
    }

    [Fact]
    public void Repeated_occurrences_are_all_reported()
    {
        var matches = new PhraseAutomaton(["aa"]).FindAll("aaaa").Select(m => m.Start).ToList();

        Assert.Equal([0, 1, 2], matches);
    }

    [Fact]
    public void Matches_agree_with_a_naive_search_on_many_phrases()
    {
        // Given a pseudo-random text over a small alphabet (many overlaps) and many phrases
        var random = new Random(7);
        var text = new string(Enumerable.Range(0, 2000).Select(_ => "abc"[random.Next(3)]).ToArray());
        var phrases = Enumerable.Range(0, 40).Select(_ => new string(Enumerable.Range(0, random.Next(1, 6)).Select(_ => "abc"[random.Next(3)]).ToArray())).Distinct().ToList();

        // When the automaton searches
        var found = new PhraseAutomaton(phrases).FindAll(text).Select(m => (m.Phrase, m.Start)).ToHashSet();

        // Then it finds exactly what checking every position finds
        var expected = new HashSet<(int, int)>();
        for (var p = 0; p < phrases.Count; p++)
        {
            for (var i = text.IndexOf(phrases[p], StringComparison.Ordinal); i >= 0; i = text.IndexOf(phrases[p], i + 1, StringComparison.Ordinal))
            {
                expected.Add((p, i));
            }
        }

        Assert.Equal(expected.Count, found.Count);
        Assert.True(expected.SetEquals(found));
    }

    [Fact]
    public void Matches_agree_with_a_naive_search_where_states_have_many_children_and_characters_pass_ASCII()
    {
        // Given an alphabet of 40 characters, half beyond ASCII (accents, Cyrillic, a surrogate pair's halves), so the
        // root and the first levels have more children than are searched one by one, and phrases that share prefixes
        var alphabet = "abcdefghijklmnopqrst\u00e9\u00e8\u00fc\u00df\u0436\u0438\u044f\u03b1\u03b2\u05e9\u0645\u0e44\u65e5\u672c\ud83c\udf0d\u2019\u2014 .";
        var random = new Random(11);
        string Word(int length) => new(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        var text = Word(20_000);
        var phrases = Enumerable.Range(0, 300).Select(_ => Word(random.Next(1, 4))).Concat(Enumerable.Range(0, 50).Select(i => text.Substring(i * 300, 12))).Distinct().ToList();

        var found = new PhraseAutomaton(phrases).FindAll(text).Select(m => (m.Phrase, m.Start, m.End)).ToList();

        var expected = new List<(int, int, int)>();
        for (var p = 0; p < phrases.Count; p++)
        {
            for (var i = text.IndexOf(phrases[p], StringComparison.Ordinal); i >= 0; i = text.IndexOf(phrases[p], i + 1, StringComparison.Ordinal))
            {
                expected.Add((p, i, i + phrases[p].Length));
            }
        }

        Assert.True(expected.Count > 1_000);
        Assert.Equal(expected.Count, found.Count);
        Assert.True(expected.ToHashSet().SetEquals(found));
    }
}

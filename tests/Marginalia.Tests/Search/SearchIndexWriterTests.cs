using Marginalia.Search;

namespace Marginalia.Tests.Search;

public sealed class SearchIndexWriterTests
{
    private static readonly SearchEntry[] Entries =
    [
        new("Essay", "Opening, ¶ 1", "index.html#p-floods", "Floods in Assam, and the flood’s toll.", "p-floods"),
        new("Note", "Note 1, context, on “flooding”", "index.html#note-forecast", "Flooding forecasts for Assam.", "note-forecast"),
        new("Initiative", "Bhashini", "initiatives/bhashini/index.html", "Bhashini — India's language project.", null, "Bhashini"),
    ];

    [Fact]
    public void Each_stemmed_term_lists_the_entries_it_is_in_with_how_often()
    {
        var files = SearchIndexWriter.Write(Entries);
        var index = SearchIndexReader.Read(files.Index, files.Text);

        // "Floods", "flood’s" and "Flooding" are one stem; the first entry has it twice
        Assert.Equal([(0, 2), (1, 1)], index.Postings["flood"]);
        Assert.Equal([(0, 1), (1, 1)], index.Postings["assam"]);
        Assert.Equal([(1, 1)], index.Postings["forecast"]);

        // A name weighs three mentions: once in the text, three times as the name
        Assert.Equal([(2, 4)], index.Postings["bhashini"]);

        // Stop words are not indexed
        Assert.DoesNotContain("the", index.Postings.Keys);
        Assert.DoesNotContain("and", index.Postings.Keys);
        Assert.DoesNotContain("in", index.Postings.Keys);
    }

    [Fact]
    public void The_text_holds_each_entry_in_order_with_its_kind_title_place_and_target()
    {
        var files = SearchIndexWriter.Write(Entries);
        var index = SearchIndexReader.Read(files.Index, files.Text);

        Assert.Equal(
            [
                new SearchIndexReader.Entry("Essay", "Opening, ¶ 1", "index.html#p-floods", "p-floods", "Floods in Assam, and the flood’s toll."),
                new SearchIndexReader.Entry("Note", "Note 1, context, on “flooding”", "index.html#note-forecast", "note-forecast", "Flooding forecasts for Assam."),
                new SearchIndexReader.Entry("Initiative", "Bhashini", "initiatives/bhashini/index.html", string.Empty, "Bhashini — India's language project."),
            ],
            index.Entries);
    }

    [Fact]
    public void A_number_past_one_digit_and_a_long_shared_prefix_read_back()
    {
        // 70 entries: the gap to the last is 69, two digits; words with a digit are not stemmed, and these two share 15
        var entries = Enumerable.Range(0, 70).Select(i => new SearchEntry("Essay", $"¶ {i}", $"index.html#p-{i}", i is 0 or 69 ? "covid19variants covid19variantsdelta" : "other words", $"p-{i}")).ToArray();
        var files = SearchIndexWriter.Write(entries);
        var index = SearchIndexReader.Read(files.Index, files.Text);

        Assert.Equal([(0, 1), (69, 1)], index.Postings["covid19variants"]);
        Assert.Equal([(0, 1), (69, 1)], index.Postings["covid19variantsdelta"]);
        Assert.Equal(68, index.Postings["word"].Count);
    }

    [Fact]
    public void Contributed_text_cannot_end_the_script_or_the_string()
    {
        var hostile = new SearchEntry("Note", "\"); alert(1); (\"", "index.html#note-x", "</script><script>alert(1)</script> \\\" \u2028", "note-x");
        var files = SearchIndexWriter.Write([hostile]);

        // The text parses back to exactly what was written: quotes and backslashes escaped, nothing run
        Assert.Equal(hostile.Text, SearchIndexReader.Read(files.Index, files.Text).Entries[0].Text);
        Assert.Equal(hostile.Title, SearchIndexReader.Read(files.Index, files.Text).Entries[0].Title);
        Assert.Single(files.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        // No '<' at all, so no "<script" or "<!--" where the single-file edition inlines the files in <script> elements
        Assert.DoesNotContain("<", files.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", files.Index, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_of_every_size_are_written_without_a_less_than_sign()
    {
        // 3,000 entries, a term in every seventh: gaps of 7 and first entries up to 2,999, counts up to 40
        var entries = Enumerable.Range(0, 3000).Select(i => new SearchEntry("Essay", "¶", "index.html#p", string.Join(' ', Enumerable.Repeat("flood", 1 + (i % 40))) + (i % 7 == 0 ? " seventh" : string.Empty) + $" word{i}x", "p")).ToArray();
        var files = SearchIndexWriter.Write(entries);
        var index = SearchIndexReader.Read(files.Index, files.Text);

        Assert.DoesNotContain("<", files.Index, StringComparison.Ordinal);
        Assert.Equal(429, index.Postings["seventh"].Count);
        Assert.Equal((2996, 1), index.Postings["seventh"][^1]);
        Assert.Equal((2999, 40), index.Postings["flood"][^1]);
        Assert.Equal([(2999, 1)], index.Postings["word2999x"]);
    }

    [Fact]
    public void The_same_entries_give_the_same_bytes()
    {
        Assert.Equal(SearchIndexWriter.Write(Entries), SearchIndexWriter.Write([.. Entries]));
    }
}

using Marginalia.Annotations.Reanchoring;

namespace Marginalia.Tests.Annotations.Reanchoring;

public class NoteFileFixerTests
{
    private static Placement Place(string quote, string? prefix = null, string? suffix = null) => new(0, 0, "p", quote, prefix, suffix);

    [Fact]
    public void Values_are_replaced_in_place_keeping_comments_and_other_fields()
    {
        const string text = "---\nquote: \"old words\"   # why this passage\nkind: context\nessay-version: \"aaaaaaaaaaaa\"\n---\nBody: unchanged.\n";

        var (result, changed) = NoteFileFixer.Rewrite(text, Place("new words"), "bbbbbbbbbbbb");

        Assert.Equal("---\nquote: \"new words\"   # why this passage\nkind: context\nessay-version: \"bbbbbbbbbbbb\"\n---\nBody: unchanged.\n", result);
        Assert.Equal(["quote", "essay-version"], changed);
    }

    [Fact]
    public void A_selector_no_longer_needed_goes_with_its_line_and_a_new_one_is_added_under_the_quote()
    {
        const string text = "---\r\nquote: >-\r\n  old words\r\n  folded\r\nprefix: \"before\"\r\nauthor: jdoe\r\nessay-version: \"aaaaaaaaaaaa\"\r\n---\r\nBody.\r\n";

        var (result, changed) = NoteFileFixer.Rewrite(text, Place("new \"words\"", suffix: "after"), "bbbbbbbbbbbb");

        Assert.Equal("---\r\nquote: \"new \\\"words\\\"\"\r\nsuffix: \"after\"\r\nauthor: jdoe\r\nessay-version: \"bbbbbbbbbbbb\"\r\n---\r\nBody.\r\n", result);
        Assert.Equal(["quote", "prefix", "suffix", "essay-version"], changed);
    }

    [Fact]
    public void Nothing_changes_when_the_values_already_hold()
    {
        const string text = "---\nquote: 'same'\nessay-version: bbbbbbbbbbbb\n---\nBody.\n";

        var (result, changed) = NoteFileFixer.Rewrite(text, Place("same"), "bbbbbbbbbbbb");

        Assert.Equal(text, result);
        Assert.Empty(changed);
    }

    [Fact]
    public void Applying_to_a_file_keeps_its_byte_order_mark()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fixer-{Guid.NewGuid():N}.md");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "---\nquote: \"old\"\nessay-version: \"aaaaaaaaaaaa\"\n---\nB.\n"u8]);
        try
        {
            NoteFileFixer.Apply(new NoteRepair(path, "x.md", Place("new"), "bbbbbbbbbbbb"));

            Assert.Equal([0xEF, 0xBB, 0xBF, .. "---\nquote: \"new\"\nessay-version: \"bbbbbbbbbbbb\"\n---\nB.\n"u8], File.ReadAllBytes(path));
            Assert.False(File.Exists(path + ".fix-tmp"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

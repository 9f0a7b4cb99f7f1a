using Marginalia.Annotations;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Diagnostics;

namespace Marginalia.Tests.Annotations;

public class NoteParserTests
{
    private static (NoteFile? Note, IReadOnlyList<Diagnostic> Diagnostics) Read(string text, string id = "bhashini-languages")
    {
        var diagnostics = new DiagnosticBag();
        var note = NoteParser.Read(new SourceText($"/x/{id}.md", $"input/annotations/{id}.md", text), Path.GetTempPath(), diagnostics);
        return (note, diagnostics.Sorted());
    }

    [Fact]
    public void A_complete_note_is_read_into_the_contract_fields()
    {
        var (file, diagnostics) = Read("""
            ---
            quote: "India’s Bhashini project aims to develop AI in local languages"
            prefix: "Several efforts point in the right direction."
            kind: fact-check
            author: octo-cat
            created: 2026-11-27
            updated: 2026-11-28
            lang: en-GB
            essay-version: 0123456789ab
            sources:
              - title: "Bhashini"
                url: "https://bhashini.gov.in/"
            ---
            The *note*.
            """);

        Assert.Empty(diagnostics);
        var note = file!.Note;
        Assert.Equal(("bhashini-languages", NoteKind.FactCheck, "octo-cat"), (note.Id, note.Kind, note.Author));
        Assert.Equal("Several efforts point in the right direction.", note.Prefix);
        Assert.Equal((new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 28)), (note.Created, note.Updated!.Value));
        Assert.Equal(("en-GB", "0123456789ab"), (note.Language, note.EssayVersion));
        Assert.Equal(new NoteSource("Bhashini", new Uri("https://bhashini.gov.in/")), Assert.Single(note.Sources));
        Assert.Equal("<p>The <em>note</em>.</p>\n", note.BodyHtml);
        Assert.Equal("note-bhashini-languages", note.ElementId);
        Assert.Equal((2, 8), (file.QuoteAt.Line, file.QuoteAt.Column));
        Assert.Equal((3, 9), (file.SelectorAt.Line, file.SelectorAt.Column));
    }

    [Fact]
    public void Kind_defaults_to_context_and_sources_are_optional_for_it()
    {
        var (file, diagnostics) = Read("---\nquote: \"x\"\nauthor: a\ncreated: 2026-11-27\n---\nBody.\n");

        Assert.Empty(diagnostics);
        Assert.Equal(NoteKind.Context, file!.Note.Kind);
    }

    [Theory]
    [InlineData("kind: fact-check\n", "MG0111", "a 'fact-check' note needs 'sources': a list of title and url", 3)]
    [InlineData("kind: factcheck\n", "MG0112", "'kind' must be one of context, source, fact-check, counterpoint, translation, not 'factcheck'", 3)]
    [InlineData("author: \"Jane Doe\"\n", "MG0112", "'author' must be a GitHub handle (letters, digits, single hyphens), not 'Jane Doe'", 3)]
    [InlineData("created: 27/11/2026\n", "MG0112", "'created' must be a date written YYYY-MM-DD, not '27/11/2026'", 3)]
    [InlineData("sources:\n  - title: T\n    url: javascript:alert(1)\n", "MG0112", "'url' must be an absolute http:// or https:// address, not 'javascript:alert(1)'", 5)]
    [InlineData("sources: \"https://x.test\"\n", "MG0112", "'sources' must be a list ('- ' items)", 3)]
    [InlineData("lang: english\n", "MG0112", "'lang' must be a BCP 47 language tag such as 'en' or 'hi', not 'english'", 3)]
    [InlineData("qoute: x\n", "MG0110", "unknown field 'qoute'", 3)]
    public void A_bad_field_is_an_error_at_its_own_line(string line, string code, string message, int atLine)
    {
        var fields = new Dictionary<string, string> { ["quote"] = "quote: \"x\"\n", ["author"] = "author: a\n", ["created"] = "created: 2026-11-27\n" };
        var key = line.Split(':')[0];
        var text = "---\n" + fields["quote"] + line + string.Concat(fields.Where(f => f.Key != key && f.Key != "quote").Select(f => f.Value)) + "---\nBody.\n";

        var (file, diagnostics) = Read(text);

        Assert.True(file is null or { Rejected: true }, "a file with errors is never published");
        var error = Assert.Single(diagnostics);
        Assert.Equal((code, message, atLine), (error.Code.Id, error.Message, error.Location.Line));
    }

    [Fact]
    public void A_missing_quote_and_author_are_both_reported()
    {
        var (file, diagnostics) = Read("---\ncreated: 2026-11-27\n---\nBody.\n");

        Assert.True(file is null or { Rejected: true }, "a file with errors is never published");
        Assert.Equal(["required field 'author' is missing", "required field 'quote' is missing"], diagnostics.Select(d => d.Message));
    }

    [Fact]
    public void A_quote_over_2000_characters_is_refused()
    {
        var (file, diagnostics) = Read($"---\nquote: \"{new string('a', 2001)}\"\nauthor: a\ncreated: 2026-11-27\n---\nBody.\n");

        Assert.True(file is null or { Rejected: true }, "a file with errors is never published");
        Assert.Equal("the quote is 2001 characters long; at most 2000 are allowed", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void A_quote_of_exactly_2000_characters_is_read()
    {
        var (file, diagnostics) = Read($"---\nquote: \"{new string('a', 2000)}\"\nauthor: a\ncreated: 2026-11-27\n---\nBody.\n");

        Assert.Empty(diagnostics);
        Assert.Equal(NoteParser.MaxQuoteLength, file!.Note.Quote.Length);
    }

    [Fact]
    public void A_quote_over_2000_characters_is_refused_at_the_quote_with_its_length()
    {
        var (file, diagnostics) = Read($"---\nkind: context\nquote: \"{new string('é', 2500)}\"\nauthor: a\ncreated: 2026-11-27\n---\nBody.\n");

        Assert.True(file is null or { Rejected: true }, "a file with errors is never published");
        var error = Assert.Single(diagnostics);
        Assert.Equal("input/annotations/bhashini-languages.md:3:8: error MG0112: the quote is 2500 characters long; at most 2000 are allowed", error.ToString());
        Assert.Equal("quote the words the note is about, not a whole passage", error.Hint);
    }

    [Theory]
    [InlineData("Bhashini")]
    [InlineData("bhashini_languages")]
    [InlineData("-lead")]
    [InlineData("two--hyphens")]
    public void A_file_name_that_is_not_a_valid_id_is_an_error(string id)
    {
        var (file, diagnostics) = Read("---\nquote: \"x\"\nauthor: a\ncreated: 2026-11-27\n---\nBody.\n", id);

        Assert.True(file is null or { Rejected: true }, "a file with errors is never published");
        Assert.Equal("MG0601", Assert.Single(diagnostics).Code.Id);
    }
}

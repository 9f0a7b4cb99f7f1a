using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Initiatives;

namespace Marginalia.Tests.Initiatives;

public class InitiativeParserTests
{
    private static (InitiativeFile? File, IReadOnlyList<Diagnostic> Diagnostics) Read(string frontMatter)
    {
        var diagnostics = new DiagnosticBag();
        var file = InitiativeParser.Read(new SourceText("/x/bhashini.md", "input/initiatives/bhashini.md", $"---\n{frontMatter}---\nPage.\n"), Path.GetTempPath(), diagnostics);
        return (file, diagnostics.Sorted());
    }

    private const string Complete =
        "name: \"Bhashini\"\nmentions: [\"India’s Bhashini project\"]\nkind: programme\nregion: \"India\"\nstarted: 2022\nurl: \"https://bhashini.gov.in/\"\n" +
        "summary: \"India's language-technology platform.\"\nauthor: octo-cat\ncreated: 2026-11-27\n";

    [Fact]
    public void A_complete_initiative_is_read_into_the_contract_fields()
    {
        var (file, diagnostics) = Read(Complete);

        Assert.Empty(diagnostics);
        var initiative = file!.Initiative;
        Assert.Equal(("bhashini", "Bhashini", "programme", "India", 2022), (initiative.Id, initiative.Name, initiative.Kind!, initiative.Region!, initiative.Started!.Value));
        Assert.Equal(["India’s Bhashini project"], initiative.Mentions.ToArray());
        Assert.Equal(("initiatives/bhashini/index.html", "card-bhashini"), (initiative.PagePath, initiative.CardId));
        Assert.Equal((3, 12), (file.MentionAt[0].Line, file.MentionAt[0].Column));
    }

    [Theory]
    [InlineData("url: \"https://bhashini.gov.in/\"", "url: \"http://bhashini.gov.in/\"", "'url' must be an https:// address, not 'http://bhashini.gov.in/'")]
    [InlineData("started: 2022", "started: \"July 2022\"", "'started' must be a year such as 2022, not 'July 2022'")]
    [InlineData("mentions: [\"India’s Bhashini project\"]", "mentions: []", "'mentions' must be a non-empty list of phrases from the essay")]
    [InlineData("mentions: [\"India’s Bhashini project\"]\n", "", "required field 'mentions' is missing")]
    [InlineData("kind: programme", "knd: programme", "unknown field 'knd'")]
    public void A_bad_field_is_an_error_naming_what_is_expected(string find, string replace, string message)
    {
        var (file, diagnostics) = Read(Complete.Replace(find, replace, StringComparison.Ordinal));

        Assert.True(file is null or { Rejected: true }, "a file with errors is never published");
        Assert.Equal(message, Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void A_summary_over_300_characters_is_refused()
    {
        var (file, diagnostics) = Read(Complete.Replace("India's language-technology platform.", new string('s', 301), StringComparison.Ordinal));

        Assert.True(file is null or { Rejected: true }, "a file with errors is never published");
        Assert.Equal("'summary' is 301 characters long; at most 300 are allowed", Assert.Single(diagnostics).Message);
    }
}

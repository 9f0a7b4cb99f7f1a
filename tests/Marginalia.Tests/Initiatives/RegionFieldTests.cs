using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Initiatives;
using Marginalia.Theme;
using static Marginalia.Tests.Support.NoteFixtures;

namespace Marginalia.Tests.Initiatives;

/// <summary><c>region</c> takes names from a vocabulary, so the initiatives page has one group per place.</summary>
public class RegionFieldTests
{
    private static (InitiativeFile? File, IReadOnlyList<Diagnostic> Diagnostics) Read(string region)
    {
        var diagnostics = new DiagnosticBag();
        var text = $"---\nname: \"Bhashini\"\nmentions: [\"India’s Bhashini project\"]\n{region}\nsummary: \"A platform.\"\nauthor: octo-cat\n---\nPage.\n";
        var file = InitiativeParser.Read(new SourceText("/x/bhashini.md", "input/initiatives/bhashini.md", text), Path.GetTempPath(), diagnostics);
        return (file, diagnostics.Sorted());
    }

    [Theory]
    [InlineData("region: India", "India")]
    [InlineData("region: \"india\"", "India")]
    [InlineData("region: \"  South   Asia \"", "South Asia")]
    [InlineData("region: global", "Worldwide")]
    [InlineData("region: International", "Worldwide")]
    [InlineData("region: Viet Nam", "Vietnam")]
    [InlineData("region: USA", "United States")]
    [InlineData("region: [Kenya, Rwanda]", "Kenya, Rwanda")]
    [InlineData("region: [India, worldwide, India]", "India, Worldwide")]
    [InlineData("region:\n  - Latin America\n  - Europe", "Latin America and the Caribbean, Europe")]
    [InlineData("kind: programme", null)]
    public void A_known_region_is_accepted_and_shown_as_the_vocabulary_spells_it(string field, string? shown)
    {
        var (file, diagnostics) = Read(field);

        Assert.Empty(diagnostics);
        Assert.Equal(shown, file!.Initiative.Region);
    }

    [Theory]
    [InlineData("region: Inda", 4, 9, "'Inda' is not a region this site knows", "did you mean 'India'?")]
    [InlineData("region: \"Indnesia\"", 4, 9, "'Indnesia' is not a region this site knows", "did you mean 'Indonesia'?")]
    [InlineData("region: \"India (including Assam) and worldwide\"", 4, 9, "'India (including Assam) and worldwide' is not a region this site knows", "did you mean region: [India, Worldwide]?")]
    [InlineData("region: \"Kenya and Rwanda\"", 4, 9, "'Kenya and Rwanda' is not a region this site knows", "did you mean region: [Kenya, Rwanda]?")]
    [InlineData("region: [Kenya, Rwnda]", 4, 17, "'Rwnda' is not a region this site knows", "did you mean 'Rwanda'?")]
    [InlineData("region:\n  - India\n  - Narnia", 6, 5, "'Narnia' is not a region this site knows", "use a country")]
    [InlineData("region: \"<svg onload=alert(1)>\"", 4, 9, "'<svg onload=alert(1)>' is not a region this site knows", "Regions.txt")]
    public void An_unknown_region_is_refused_at_its_value_with_a_did_you_mean(string field, int line, int column, string message, string hint)
    {
        var (file, diagnostics) = Read(field);

        Assert.True(file is null || file.Rejected, "a file with an unknown region is never published");
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UnknownRegion, line, column, message), (error.Code, error.Location.Line, error.Location.Column, error.Message));
        Assert.Contains(hint, error.Hint, StringComparison.Ordinal);
        Assert.Contains("region: [Kenya, Rwanda]", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void The_index_groups_by_first_region_places_first_then_worldwide_then_none()
    {
        var essay = Essay("Alpha Bhashini, Beta Hub, Gamma Flood, Delta Alliance and Epsilon Thing.\n");
        var (result, diagnostics) = WeaveAll(essay, [], [],
        [
            Initiative("bhashini", "name: \"Bhashini\"\nmentions: [\"Bhashini\"]\nregion: india\n"),
            Initiative("flood", "name: \"Flood\"\nmentions: [\"Gamma Flood\"]\nregion: [India, Worldwide]\n"),
            Initiative("hub", "name: \"Hub\"\nmentions: [\"Beta Hub\"]\nregion: [Kenya, Rwanda]\n"),
            Initiative("alliance", "name: \"Alliance\"\nmentions: [\"Delta Alliance\"]\nregion: global\n"),
            Initiative("thing", "name: \"Thing\"\nmentions: [\"Epsilon Thing\"]\n"),
        ]);

        Assert.Empty(diagnostics);
        var groups = InitiativeModel.ByRegion(result)
            .Select(g => (g.Region, string.Join(' ', g.Initiatives.Select(i => i.Name))))
            .ToList();
        Assert.Equal([("India", "Bhashini Flood"), ("Kenya", "Hub"), ("Worldwide", "Alliance"), ("Region not given", "Thing")], groups);
    }
}

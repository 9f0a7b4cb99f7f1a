using Marginalia.Annotations;
using Marginalia.Content;
using Marginalia.Diagnostics;

namespace Marginalia.Tests.Content;

/// <summary>
/// The NUL and invisible-character rules hold for the values YAML decodes, not only for the file's bytes: an escape in
/// a quoted scalar, a key or a nested item is refused at the scalar's place, in every kind of file; so is a character
/// XML cannot hold, however it was written.
/// </summary>
public class DecodedValuesTests
{
    // Line 5 of the note holds the extra field; its value starts at column 9 ("prefix: " is 8 characters).
    private static IReadOnlyList<Diagnostic> ReadNote(string extra)
    {
        var diagnostics = new DiagnosticBag();
        var text = $"---\nquote: \"India’s Bhashini project\"\nauthor: mallory\ncreated: 2026-11-27\n{extra}---\nBody.\n";
        NoteParser.Read(new SourceText("/x/n.md", "input/annotations/n.md", text), Path.GetTempPath(), diagnostics);
        return diagnostics.Sorted();
    }

    private static string[] Errors(IReadOnlyList<Diagnostic> diagnostics) => [.. diagnostics.Where(d => d.IsError).Select(d => $"{d.Code.Id} {d.Location.Line}:{d.Location.Column}")];

    public static TheoryData<string, string> Escaped => new()
    {
        // the front matter line (YAML as written), the one error expected
        { "prefix: \"a\\u202Eb\"\n", "MG0614 5:9" },
        { "prefix: \"a\\u2066b\"\n", "MG0614 5:9" },
        { "prefix: \"a\\u200Bb\"\n", "MG0614 5:9" },
        { "prefix: \"a\\uFEFFb\"\n", "MG0614 5:9" },
        { "prefix: \"a\\0b\"\n", "MG0116 5:9" },
        { "prefix: \"a\\x00b\"\n", "MG0116 5:9" },
        { "prefix: \"a\\x01b\"\n", "MG0614 5:9" },
        { "prefix: \"\\e[2J ALL CHECKS PASSED\"\n", "MG0614 5:9" },
        { "prefix: \"a\\rb\"\n", "MG0614 5:9" },
        { "prefix: \"a\\bb\"\n", "MG0614 5:9" },
        { "prefix: \"a\\x7Fb\"\n", "MG0614 5:9" },
        { "prefix: \"a\\Nb\"\n", "MG0614 5:9" },
        { "prefix: \"a\\Lb\"\n", "MG0614 5:9" },
        { "prefix: \"a\\Pb\"\n", "MG0614 5:9" },
        { "prefix: \"a\\uFFFEb\"\n", "MG0614 5:9" },
        { "prefix: \"a\\uFFFF\"\n", "MG0614 5:9" },
        { "prefix: \"a\\U0000202Eb\"\n", "MG0614 5:9" },
        { "lang: \"en\\u202E\"\n", "MG0614 5:7" },
        { "kind: \"con\\u200Btext\"\n", "MG0614 5:7" },
        { "\"prefix\\u202E\": \"a\"\n", "MG0614 5:1" },
        { "\"a\\0\": \"b\"\n", "MG0116 5:1" },
        { "sources:\n  - title: \"a\\u202E\"\n    url: \"https://x.test/\"\n", "MG0614 6:12" },
        { "sources:\n  - title: \"ok\"\n    url: \"https://x.test/\\u202E\"\n", "MG0614 7:10" },
        { "prefix: \"a\\u202Eb\\u202Ec\\0\"\n", "MG0614 5:9" },
        { "prefix: 'a\uFFFEb'\n", "MG0614 5:9" },
        { "prefix: >\n  a\uFFFEb\n", "MG0614 5:9" },
        { "prefix: |\n  a\uFFFFb\n  c\n", "MG0614 5:9" },
        { "prefix: \"a\\uD800\"\n", "MG0106 5:9" }, // half a surrogate pair: the YAML reader refuses it itself, at the value
        { "prefix: \"a\\uDC00b\"\n", "MG0106 5:9" },
    };

    [Theory]
    [MemberData(nameof(Escaped))]
    public void A_forbidden_character_in_a_decoded_value_is_refused_at_the_scalar(string extra, string expected)
    {
        Assert.Equal([expected], Errors(ReadNote(extra)));
    }

    [Fact]
    public void Several_forbidden_characters_in_one_value_are_one_error_that_counts_them()
    {
        var error = Assert.Single(ReadNote("prefix: \"a\\u202Eb\\u202Ec\\x01\"\n"));
        Assert.Equal("invisible character U+202E (a bidirectional embedding or override) is not allowed in a value, written as an escape, and 2 more in the same value", error.Message);
    }

    [Fact]
    public void A_character_written_as_itself_is_reported_once_by_the_file_check_at_its_own_column()
    {
        Assert.Equal(["MG0614 5:11"], Errors(ReadNote("prefix: \"a\u202Eb\"\n")));
    }

    public static TheoryData<string> Allowed => new()
    {
        "prefix: \"caf\\u00E9\"\n",
        "prefix: \"\\U0001F600 smile\"\n",
        "prefix: \"a\\_b\"\n",
        "prefix: \"a\\tb\"\n",
        "prefix: \"a\\nb\"\n",
        "prefix: \"\\u0915\\u094D\\u200D\\u0937\"\n",
        "prefix: \"a\\u200Cb\\u200Ec\\u200Fd\"\n",
        "prefix: \"\\uD83D\\uDE00\"\n",
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Escapes_of_visible_characters_and_allowed_joiners_are_accepted(string extra)
    {
        Assert.Empty(Errors(ReadNote(extra)));
    }

    [Theory]
    [InlineData("title: \"Site\\u202E\"\n", "MG0614 1:8")]
    [InlineData("title: \"Site\"\ndescription: \"a\\0\"\n", "MG0116 2:14")]
    [InlineData("title: 'Site\uFFFF'\n", "MG0614 1:8")]
    public void Site_settings_values_are_checked_too(string yaml, string expected)
    {
        var diagnostics = new DiagnosticBag();
        SiteSettingsParser.Read(new SourceText("/s", "input/site.yml", yaml + "base-url: \"https://x.test/\"\n"), diagnostics);
        Assert.Contains(expected, Errors(diagnostics.Sorted()));
        Assert.Single(Errors(diagnostics.Sorted()));
    }

    [Theory]
    [InlineData("title: \"T\\u202E\"\n", "MG0614 2:8")]
    [InlineData("title: \"T\u202E\"\n", "MG0614 2:8")]
    [InlineData("title: \"T\\0\"\n", "MG0116 2:8")]
    public void The_essays_front_matter_values_are_checked_too(string title, string expected)
    {
        var diagnostics = new DiagnosticBag();
        var frontMatter = FrontMatterParser.Parse(new SourceText("/e", "input/essay.md", $"---\n{title}author: A\nlanguage: en\n---\nText.\n"), diagnostics);
        Assert.Null(frontMatter);
        Assert.Equal([expected], Errors(diagnostics.Sorted()));
    }

    // Characters as code units: a test runner cannot carry half a surrogate pair in a string argument.
    public static TheoryData<int[], bool> XmlValues => new()
    {
        { ['a', 0xD800], true },
        { [0xDC00, 'a'], true },
        { [0xDE00, 0xD83D], true },
        { ['a', 0xFFFE], true },
        { [0xFFFF], true },
        { [0xD83D, 0xDE00], false },
        { [0xFFFD, 0xFDD0], false },
    };

    [Theory]
    [MemberData(nameof(XmlValues))]
    public void Half_a_surrogate_pair_and_the_noncharacters_cannot_be_held_by_XML(int[] units, bool invalid)
    {
        var value = new string([.. units.Select(u => (char)u)]);

        // Given a value as a YAML reader might hand it over (YamlDotNet refuses half a pair itself; this holds for any reader)
        var node = new YamlDotNet.RepresentationModel.YamlMappingNode { { "prefix", value } };
        var diagnostics = new DiagnosticBag();

        var ok = DecodedValues.Check(node, "prefix: x\n", mark => new SourceLocation("input/site.yml", (int)mark.Line, (int)mark.Column), diagnostics, literalsChecked: false);

        Assert.Equal(!invalid, ok);
        Assert.Equal(invalid ? ["MG0614"] : [], diagnostics.Sorted().Select(d => d.Code.Id));
    }

    public static TheoryData<string, string, string> InABuild => new()
    {
        // file, text, the one error expected
        { "input/initiatives/escape-mention.md", Hostile.HostileFiles.Initiative(extra: "region: \"\\e[2J\\e[H ALL CHECKS PASSED\"\n"), "MG0614 input/initiatives/escape-mention.md:6:9" },
        { "input/glossary/escape-alias.md", Hostile.HostileFiles.Term(extra: "aliases: [\"W\\u202ETO\"]\n"), "MG0614 input/glossary/escape-alias.md:5:11" },
        { "input/annotations/escape-source.md", Hostile.HostileFiles.Note("Body.\n", "sources:\n  - title: \"a\\0b\"\n    url: \"https://x.test/\"\n"), "MG0116 input/annotations/escape-source.md:6:12" },
    };

    [Theory]
    [MemberData(nameof(InABuild))]
    public async Task An_escaped_character_fails_the_build_at_the_value(string path, string text, string expected)
    {
        var (site, result) = await Hostile.HostileFiles.BuildWithAsync(false, (path, text));
        using var _ = site;

        Assert.Equal([expected], Hostile.HostileFiles.Errors(result));
    }
}

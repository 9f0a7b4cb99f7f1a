using Marginalia.Annotations;
using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Glossary;
using Marginalia.Initiatives;

namespace Marginalia.Tests.Content;

/// <summary>
/// Every front matter text field of every kind of file has a length limit: a value at the limit is read, one past it
/// is refused with MG0622 at the value; lists of phrases have a count limit (MG0623); and no diagnostic echoes a value
/// longer than <see cref="FieldLimits.Shown"/> characters.
/// </summary>
public class FieldLimitsTests
{
    private static IReadOnlyList<Diagnostic> Read(string kind, string text)
    {
        var diagnostics = new DiagnosticBag();
        var source = new SourceText($"/x/{kind}.md", $"input/{kind}/limit.md", text);
        switch (kind)
        {
            case "annotations":
                NoteParser.Read(source, Path.GetTempPath(), diagnostics);
                break;
            case "glossary":
                TermParser.Read(source, Path.GetTempPath(), diagnostics);
                break;
            case "initiatives":
                InitiativeParser.Read(source, Path.GetTempPath(), diagnostics);
                break;
            case "site":
                SiteSettingsParser.Read(new SourceText("/x/site.yml", "input/site.yml", text), diagnostics);
                break;
            default:
                if (FrontMatterParser.Parse(new SourceText("/x/essay.md", "input/essay.md", text), diagnostics) is { } frontMatter)
                {
                    EssayInfoParser.Read(frontMatter, diagnostics);
                }

                break;
        }

        return diagnostics.Sorted();
    }

    // A file of each kind with one field set to VALUE (written as a double-quoted YAML value).
    private static string File(string kind, string field) => kind switch
    {
        "annotations" => Fill(field, "---\nquote: \"India’s Bhashini project\"\nauthor: mallory\ncreated: 2026-11-27\nsources:\n  - title: \"t\"\n    url: \"https://x.test/\"\n---\nBody.\n"),
        "glossary" => Fill(field, "---\nterm: \"Term\"\nshort: \"A definition.\"\nauthor: mallory\n---\nBody.\n"),
        "initiatives" => Fill(field, "---\nname: \"Name\"\nmentions: [\"Estonia\"]\nsummary: \"A summary.\"\nauthor: mallory\n---\nBody.\n"),
        "site" => Fill(field, "title: \"Site\"\ndescription: \"About.\"\nbase-url: \"https://x.test/\"\n"),
        _ => Fill(field, "---\ntitle: \"T\"\nauthor: \"A. Writer\"\nlanguage: en\n---\nText.\n"),
    };

    // Replaces the field's line if the template has it, else adds it after the first line.
    private static string Fill(string field, string template)
    {
        var (key, line) = field.Contains('.', StringComparison.Ordinal) ? (field, "") : (field, $"{field}: \"VALUE\"\n");
        if (key == "sources.title")
        {
            return template.Replace("title: \"t\"", "title: \"VALUE\"", StringComparison.Ordinal);
        }

        if (key == "corrections.change")
        {
            return template.Replace("language: en\n", "language: en\ncorrections:\n  - date: 2026-01-01\n    change: \"VALUE\"\n", StringComparison.Ordinal);
        }

        var lines = template.Split('\n').ToList();
        var at = lines.FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        if (at >= 0)
        {
            lines[at] = line.TrimEnd('\n');
        }
        else
        {
            lines.Insert(template.StartsWith("---", StringComparison.Ordinal) ? 1 : 0, line.TrimEnd('\n'));
        }

        return string.Join('\n', lines);
    }

    public static TheoryData<string, string, int> Fields => new()
    {
        // kind of file, field, its limit
        { "annotations", "prefix", 200 },
        { "annotations", "suffix", 200 },
        { "annotations", "kind", 200 },
        { "annotations", "lang", 200 },
        { "annotations", "essay-version", 200 },
        { "annotations", "author", 100 },
        { "annotations", "sources.title", 500 },
        { "glossary", "term", 200 },
        { "glossary", "case", 200 },
        { "initiatives", "name", 200 },
        { "initiatives", "region", 200 },
        { "initiatives", "kind", 200 },
        { "initiatives", "url", 2000 },
        { "initiatives", "started", 200 },
        { "site", "title", 500 },
        { "site", "description", 500 },
        { "site", "branch", 200 },
        { "site", "repository", 2000 },
        { "essay", "title", 500 },
        { "essay", "author", 100 },
        { "essay", "publisher", 200 },
        { "essay", "republished-by", 200 },
        { "essay", "language", 200 },
        { "essay", "corrections.change", 1000 },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public void A_value_one_past_its_limit_is_refused_with_MG0622_and_one_at_it_is_not(string kind, string field, int limit)
    {
        var name = field.Split('.')[^1];
        Assert.Equal(limit, FieldLimits.MaxLength(name));
        var over = Read(kind, File(kind, field).Replace("VALUE", new string('a', limit + 1), StringComparison.Ordinal));
        var at = Read(kind, File(kind, field).Replace("VALUE", new string('a', limit), StringComparison.Ordinal));

        var error = Assert.Single(over, d => d.Code == DiagnosticCodes.ValueTooLong);
        Assert.Equal($"'{name}' is {limit + 1:N0} characters long; at most {limit:N0} are allowed", error.Message);
        Assert.DoesNotContain(at, d => d.Code == DiagnosticCodes.ValueTooLong);
    }

    [Theory]
    [InlineData("glossary", "aliases")]
    [InlineData("initiatives", "mentions")]
    public void A_phrase_list_allows_twenty_phrases_of_two_hundred_characters(string kind, string field)
    {
        string With(int count, int length) => File(kind, field).Replace("\"VALUE\"",
            "[" + string.Join(", ", Enumerable.Range(0, count).Select(i => $"\"{i}{new string('p', length - i.ToString(System.Globalization.CultureInfo.InvariantCulture).Length)}\"")) + "]",
            StringComparison.Ordinal);

        Assert.DoesNotContain(Read(kind, With(20, 200)), d => d.Code == DiagnosticCodes.ValueTooLong || d.Code == DiagnosticCodes.TooManyItems);

        var tooMany = Assert.Single(Read(kind, With(21, 10)), d => d.IsError);
        Assert.Equal((DiagnosticCodes.TooManyItems, $"'{field}' lists 21 items; at most 20 are allowed"), (tooMany.Code, tooMany.Message));

        var text = With(3, 201);
        var line = text.Split('\n').ToList().FindIndex(l => l.StartsWith(field + ":", StringComparison.Ordinal)) + 1;
        var tooLong = Read(kind, text).Where(d => d.Code == DiagnosticCodes.ValueTooLong).ToList();
        Assert.Equal([line, line, line], tooLong.Select(d => d.Location.Line));
        Assert.Equal(3, tooLong.Select(d => d.Location.Column).Distinct().Count()); // each at its own item
    }

    public static TheoryData<string, string> Echoed => new()
    {
        // kind, a file whose error would quote a huge value (BIG is replaced by 100,000 characters)
        { "annotations", "---\nquote: \"India’s Bhashini project\"\nauthor: mallory\ncreated: \"BIG\"\n---\nBody.\n" },
        { "annotations", "---\nquote: \"India’s Bhashini project\"\nauthor: mallory\ncreated: 2026-11-27\nBIG: 1\n---\nBody.\n" },
        { "annotations", "---\nquote: \"India’s Bhashini project\"\nauthor: mallory\ncreated: 2026-11-27\nupdated: BIG\n---\nBody.\n" },
        { "essay", "---\ntitle: T\nauthor: A\nlanguage: en\ntitle-is-editorial: \"BIG\"\n---\nText.\n" },
        { "site", "title: \"S\"\ndescription: \"D\"\nbase-url: \"https://x.test/\"\nBIG: 1\n" },
        { "annotations", "---\nquote: \"India’s Bhashini project\"\nauthor: mallory\ncreated: 2026-11-27\nprefix: x\nprefix: BIG\n---\nBody.\n" },
    };

    [Theory]
    [MemberData(nameof(Echoed))]
    public void No_diagnostic_echoes_more_than_a_short_start_of_a_value(string kind, string text)
    {
        var diagnostics = Read(kind, text.Replace("BIG", new string('b', 100_000), StringComparison.Ordinal));

        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d => Assert.True(d.Message.Length + (d.Hint?.Length ?? 0) < 600, d.Message[..Math.Min(200, d.Message.Length)]));
    }

    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("x", 1, "x")]
    [InlineData("abcdef", 3, "abc… (6 characters)")]
    [InlineData("ab\U0001F600cd", 3, "ab… (6 characters)")]
    public void Shorten_cuts_a_value_and_says_how_long_it_was_without_splitting_a_character(string value, int max, string expected)
    {
        Assert.Equal(expected, FieldLimits.Shorten(value, max));
    }
}

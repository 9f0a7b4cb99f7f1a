using Marginalia.Annotations;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Diagnostics;
using Marginalia.Glossary;
using Marginalia.Initiatives;

namespace Marginalia.Tests.Contributions;

/// <summary><c>sources</c> is read the same way for notes, terms and initiatives, and holds at most 50 entries in each.</summary>
public class ContributorsTests
{
    private static string Sources(int count) =>
        "sources:\n" + string.Concat(Enumerable.Range(1, count).Select(i => $"  - title: \"Source {i}\"\n    url: \"https://example.org/{i}\"\n"));

    private const string NoteFields = "quote: \"India’s Bhashini project\"\nkind: source\nauthor: octo-cat\ncreated: 2026-11-27\n";
    private const string TermFields = "term: \"World Trade Organization\"\nshort: \"The body for trade rules.\"\nauthor: octo-cat\ncreated: 2026-11-27\n";
    private const string InitiativeFields = "name: \"Bhashini\"\nmentions: [\"India’s Bhashini project\"]\nsummary: \"Language technology.\"\nauthor: octo-cat\ncreated: 2026-11-27\n";

    private static (int? Sources, IReadOnlyList<Diagnostic> Diagnostics) Read(string kind, string frontMatter)
    {
        var diagnostics = new DiagnosticBag();
        var folder = kind switch { "note" => "annotations", "term" => "glossary", _ => "initiatives" };
        var source = new SourceText("/x/many.md", $"input/{folder}/many.md", $"---\n{frontMatter}---\nBody.\n");
        int? count = kind switch
        {
            // A file rejected for its errors is read on only to be matched against the essay: it has no sources to count.
            "note" => NoteParser.Read(source, Path.GetTempPath(), diagnostics) is { Rejected: false } note ? note.Note.Sources.Length : null,
            "term" => TermParser.Read(source, Path.GetTempPath(), diagnostics) is { Rejected: false } term ? term.Term.Sources.Length : null,
            _ => InitiativeParser.Read(source, Path.GetTempPath(), diagnostics) is { Rejected: false } initiative ? initiative.Initiative.Sources.Length : null,
        };
        return (count, diagnostics.Sorted());
    }

    [Theory]
    [InlineData("note", NoteFields)]
    [InlineData("term", TermFields)]
    [InlineData("initiative", InitiativeFields)]
    public void Fifty_sources_are_read(string kind, string fields)
    {
        var (sources, diagnostics) = Read(kind, fields + Sources(50));

        Assert.Empty(diagnostics);
        Assert.Equal(50, sources);
    }

    [Theory]
    [InlineData("note", NoteFields, "annotations", 7)]
    [InlineData("term", TermFields, "glossary", 7)]
    [InlineData("initiative", InitiativeFields, "initiatives", 8)]
    public void Fifty_one_sources_are_refused_at_the_start_of_the_list(string kind, string fields, string folder, int line)
    {
        var (sources, diagnostics) = Read(kind, fields + Sources(51));

        Assert.Null(sources);
        var error = Assert.Single(diagnostics);
        Assert.Equal($"input/{folder}/many.md:{line}:3: error MG0112: 'sources' lists 51 sources; at most {Contributors.MaxSources} are allowed", error.ToString());
        Assert.Equal("cite the sources the text relies on, not every one there is", error.Hint);
    }
}

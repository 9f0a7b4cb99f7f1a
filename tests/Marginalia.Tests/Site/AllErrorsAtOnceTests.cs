using Marginalia.Preview;
using Marginalia.Site;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Site;

/// <summary>
/// A file's problems come in one round: a wrong quote or mention is reported beside the field, body and cross-file
/// errors of the same file, not after they are fixed. One build of a site holding every combination.
/// </summary>
public sealed class AllErrorsAtOnceTests : IClassFixture<AllErrorsAtOnceTests.BrokenSite>
{
    private const string WrongQuote = "quote: \"Rich countries possess much more compute powr\"\n";

    private static readonly (string Path, string Text)[] Files =
    [
        ("input/annotations/quote-and-date.md", $"---\n{WrongQuote}author: jdoe\ncreated: 2026-13-45\n---\nA note.\n"),
        ("input/annotations/quote-and-html.md", $"---\n{WrongQuote}author: jdoe\ncreated: 2026-11-27\n---\nA <b>bold</b> claim.\n"),
        ("input/annotations/quote-and-author.md", $"---\n{WrongQuote}created: 2026-11-27\n---\nA note.\n"),
        ("input/annotations/quote-and-unknown.md", $"---\n{WrongQuote}autor: jdoe\ncreated: 2026-11-27\n---\nA note.\n"),
        ("input/annotations/quote-and-sources.md", $"---\n{WrongQuote}kind: source\nauthor: jdoe\ncreated: 2026-11-27\nupdated: someday\n---\nA note.\n"),
        ("input/annotations/quote-date-and-xref.md", $"---\n{WrongQuote}author: Jane Doe\ncreated: 2026-11-27\n---\nSee [it](xref:notes/no-such-note).\n"),
        ("input/glossary/zz-alias-and-field.md", "---\nterm: \"flibbertigibbet\"\naliases: [\"gibberflib\"]\nshort: \"A word.\"\nauthor: jdoe\ncreated: 27/11/2026\n---\nEntry.\n"),
        ("input/glossary/zz-tariff.md", "---\nterm: \"tariff\"\nshort: \"A tax.\"\nauthor: jdoe\ncreated: soon\n---\nEntry.\n"),
        ("input/initiatives/mention-and-url.md", "---\nname: \"Bhashini again\"\nmentions: [\"Bhashini projekt\"]\nurl: \"http://bhashini.gov.in/\"\nsummary: \"A platform.\"\nauthor: jdoe\ncreated: 2026-11-27\n---\nPage.\n"),
    ];

    private readonly BrokenSite _site;

    public AllErrorsAtOnceTests(BrokenSite site) => _site = site;

    public static TheoryData<string, string[]> Expected() => new()
    {
        { "input/annotations/quote-and-date.md", ["2:8 error MG0602", "4:10 error MG0112"] },
        { "input/annotations/quote-and-html.md", ["2:8 error MG0602", "6:3 error MG0607"] },
        { "input/annotations/quote-and-author.md", ["1:1 error MG0111", "2:8 error MG0602"] },
        { "input/annotations/quote-and-unknown.md", ["1:1 error MG0111", "2:8 error MG0602", "3:1 error MG0110"] },
        { "input/annotations/quote-and-sources.md", ["2:8 error MG0602", "3:7 error MG0111", "6:10 error MG0112"] },
        { "input/annotations/quote-date-and-xref.md", ["2:8 error MG0602", "3:9 error MG0112", "6:5 error MG0610"] },
        { "input/glossary/zz-alias-and-field.md", ["2:7 warning MG0702", "6:10 error MG0112"] },
        { "input/glossary/zz-tariff.md", ["2:7 error MG0701", "5:10 error MG0112"] },
        { "input/initiatives/mention-and-url.md", ["3:12 error MG0703", "4:6 error MG0112"] },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Every_problem_of_a_file_is_reported_in_one_build(string path, string[] expected)
    {
        var found = _site.Result.Diagnostics.Where(d => d.Location.Path == path)
            .Select(d => $"{d.Location.Line}:{d.Location.Column} {(d.IsError ? "error" : "warning")} {d.Code.Id}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, found);
    }

    [Fact]
    public void Nothing_else_is_reported_and_nothing_is_a_crash()
    {
        var paths = Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);

        Assert.All(_site.Result.Diagnostics, d => Assert.Contains(d.Location.Path, paths));
        Assert.DoesNotContain(_site.Result.Diagnostics, d => d.Code.Id == "MG0004");
    }

    [Fact]
    public void The_preview_error_page_lists_the_same_problems()
    {
        var html = ErrorPage.Render(new PreviewBuild(1, _site.Result, TimeSpan.Zero, []), "v-1");

        Assert.Contains("the quote is not in the essay", html, StringComparison.Ordinal);
        Assert.Contains("Bhashini projekt", html, StringComparison.Ordinal);
        foreach (var diagnostic in _site.Result.Diagnostics.Where(d => d.IsError))
        {
            Assert.Contains($"{diagnostic.Location.Path}:{diagnostic.Location.Line}:{diagnostic.Location.Column}", html, StringComparison.Ordinal);
        }
    }

    /// <summary>A copy of the repository with every broken file above, built once.</summary>
    public sealed class BrokenSite : IAsyncLifetime
    {
        private readonly TempSite _site = TempSite.CopyOfRepository();

        internal BuildResult Result { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            foreach (var (path, text) in Files)
            {
                _site.Write(path, text);
            }

            Result = await _site.BuildAsync(write: false);
        }

        public Task DisposeAsync()
        {
            _site.Dispose();
            return Task.CompletedTask;
        }
    }
}

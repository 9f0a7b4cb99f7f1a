using System.Collections.Immutable;
using Marginalia.Content;
using Marginalia.Extensions;
using Marginalia.Pipeline;

namespace Marginalia.Search;

/// <summary>
/// The site's search: every paragraph of the essay and every piece the kinds hand on (<see cref="ISearchContributor"/>),
/// written as <see cref="IndexPath"/> and <see cref="TextPath"/>, which the search loads when it is first used.
/// The search page itself is a core page (Pages).
/// </summary>
internal sealed class SearchPipeline : BuildPipeline
{
    public const string PipelineName = "Search";

    public const string IndexPath = "search/index.js";

    public const string TextPath = "search/text.js";

    /// <summary>The search page, which also holds the results when a reader searches from a page without script.</summary>
    public const string PagePath = "search/index.html";

    public SearchPipeline(IReadOnlyList<ISearchContributor> kinds)
        : base(PipelineName, ReaderKeys.Pipeline)
    {
        ProcessModules.Add(new WriteIndexModule(kinds));
    }

    /// <summary>Every entry, the essay's paragraphs first, then each kind's in registry order.</summary>
    public static IReadOnlyList<SearchEntry> Entries(ReaderResult reader, IEnumerable<ISearchContributor> kinds)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(kinds);
        return [.. Paragraphs(reader), .. kinds.SelectMany(k => k.SearchEntries(reader))];
    }

    private static IEnumerable<SearchEntry> Paragraphs(ReaderResult reader) =>
        reader.Essay.Sections.SelectMany(section => section.Paragraphs.Select(p =>
            new SearchEntry("Essay", $"{section.Title ?? "Opening"}, ¶ {reader.ParagraphNumber(p.Id)}", "index.html#" + p.Id, PlainText.Collapse(p.Text), p.Id)));

    private sealed class WriteIndexModule(IReadOnlyList<ISearchContributor> kinds) : FromReaderModule
    {
        protected override ImmutableArray<Document> Make(ReaderResult reader, SiteSettings site, IExecutionContext context)
        {
            var files = SearchIndexWriter.Write(Entries(reader, kinds));
            return [new Document(null, IndexPath, files.Index), new Document(null, TextPath, files.Text)];
        }
    }
}

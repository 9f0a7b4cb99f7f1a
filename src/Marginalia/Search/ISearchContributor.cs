using Marginalia.Extensions;

namespace Marginalia.Search;

/// <summary>
/// A kind of annotation whose pieces can be searched: it hands its entries to the search index, which names no kind.
/// Found among the registered extensions as the EPUB finds its <c>IBookContributor</c>s.
/// </summary>
internal interface ISearchContributor
{
    /// <summary>The kind's entries, in the order the kind lists its pieces.</summary>
    IEnumerable<SearchEntry> SearchEntries(ReaderResult reader);
}

using Marginalia.Extensions;
using Marginalia.Search;

namespace Marginalia.Initiatives;

/// <summary>The initiatives in the search: each initiative's page, found by its name, summary and body.</summary>
internal sealed partial class InitiativesExtension : ISearchContributor
{
    public IEnumerable<SearchEntry> SearchEntries(ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.Initiatives.Select(u => u.Initiative).Select(i => new SearchEntry(
            "Initiative",
            i.Name,
            i.PagePath,
            PlainText.Collapse(string.Join(' ', i.Name, "—", i.Summary, PlainText.Of(i.BodyHtml))),
            null,
            i.Name));
    }
}

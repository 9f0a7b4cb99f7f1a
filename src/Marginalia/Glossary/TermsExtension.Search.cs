using Marginalia.Contributions;
using Marginalia.Extensions;
using Marginalia.Search;

namespace Marginalia.Glossary;

/// <summary>The glossary in the search: each entry, found by its term, its other names, its definition and its body.</summary>
internal sealed partial class TermsExtension : ISearchContributor
{
    public IEnumerable<SearchEntry> SearchEntries(ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.Terms.Select(u => u.Term).OrderBy(t => t.Term, StringComparer.OrdinalIgnoreCase).Select(t => new SearchEntry(
            "Glossary",
            t.Term,
            SitePaths.Glossary + "#" + t.Id,
            PlainText.Collapse(string.Join(' ', [t.Term, .. t.Aliases, "—", t.Definition, PlainText.Of(t.BodyHtml)])),
            null,
            string.Join(' ', t.Forms)));
    }
}

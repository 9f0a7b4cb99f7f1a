using Marginalia.Contributions;
using Marginalia.Extensions;
using Marginalia.Reader;
using Marginalia.Theme;

namespace Marginalia.Pages;

/// <summary>
/// Every source cited anywhere on the site — by notes, glossary entries, initiative pages, whatever the kinds cite —
/// once each (by address), with the places that cite it; and who wrote each kind's pieces, for the about and
/// contributors pages. Built from what the registered kinds contribute, in their <see cref="IPageContributor.CreditOrder"/>.
/// </summary>
internal static class SourcesModel
{
    public static List<SourceEntryView> Sources(ReaderResult reader, string pagePath, IEnumerable<IPageContributor>? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var citations = Ordered(kinds).SelectMany(k => k.Citations(reader));
        return [.. citations
            .GroupBy(c => c.Source.Url.AbsoluteUri, StringComparer.Ordinal)
            .Select(g => (Title: g.First().Source.Title, Url: g.Key, Cited: g.DistinctBy(c => c.Target).ToList()))
            .OrderBy(s => s.Title, Text.ReaderOrder.IgnoringCase)
            .ThenBy(s => s.Url, StringComparer.Ordinal)
            .Select(s => new SourceEntryView(s.Title, s.Url, new Uri(s.Url).Host,
                [.. s.Cited.Select(c => new LinkView(c.Label, SitePaths.Relative(pagePath, c.Target)))]))];
    }

    /// <summary>Who wrote the annotations, with each kind's pieces linked from <paramref name="pagePath"/>.</summary>
    public static List<ContributorView> Contributors(ReaderResult reader, string pagePath = "about/index.html", IEnumerable<IPageContributor>? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var works = Ordered(kinds).Select(k => k.Work(reader)).OfType<CreditedWork>().ToList();
        return [.. works.SelectMany(w => w.Pieces).Select(p => p.Author).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.OrdinalIgnoreCase)
            .Select(author => new ContributorView(author, "https://github.com/" + author, [.. works.Select(w =>
            {
                var items = w.Pieces.Where(p => p.Author == author).Select(p => new LinkView(p.Label, SitePaths.Relative(pagePath, p.Target))).ToList();
                return new ContributorWorkView(w.Title, w.Phrase, items.Count, items);
            })]))];
    }

    private static IEnumerable<IPageContributor> Ordered(IEnumerable<IPageContributor>? kinds) =>
        (kinds ?? ReaderExtensions.All).OrderBy(k => k.CreditOrder);
}

/// <summary>A cited source, with the places that cite it.</summary>
internal sealed record SourceEntryView(string Title, string Url, string Host, IReadOnlyList<LinkView> Cited);

/// <summary>A contributor (by GitHub handle) and their work, one entry per kind in credit order, empty ones included.</summary>
internal sealed record ContributorView(string Handle, string Url, IReadOnlyList<ContributorWorkView> Work);

/// <summary>A contributor's pieces of one kind.</summary>
internal sealed record ContributorWorkView(string Title, string Phrase, int Count, IReadOnlyList<LinkView> Items);

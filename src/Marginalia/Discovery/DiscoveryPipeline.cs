using System.Collections.Immutable;
using Marginalia.Annotations;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Extensions;
using Marginalia.Pages;
using Marginalia.Pipeline;
using Marginalia.Reader;

namespace Marginalia.Discovery;

/// <summary>
/// What lets search engines and feed readers find the edition: <c>sitemap.xml</c>, <c>robots.txt</c> and the Atom
/// feed of notes, all with absolute addresses from the site's base URL.
/// </summary>
internal sealed class DiscoveryPipeline : BuildPipeline
{
    public const string PipelineName = "Discovery";

    /// <summary>Longest quote excerpt in an entry's title, in characters.</summary>
    private const int TitleQuoteLength = 80;

    public DiscoveryPipeline()
        : base(PipelineName, ReaderPipeline.PipelineName)
    {
        ProcessModules.Add(new DiscoveryModule());
    }

    private sealed class DiscoveryModule : FromReaderModule
    {
        protected override ImmutableArray<Document> Make(ReaderResult reader, SiteSettings site, IExecutionContext context)
        {
            // The reader first (its canonical path is empty), then the rest by address: a stable, readable order.
            var pages = PagesPipeline.Specs(site, reader).Where(s => s.Layout != "404")
                .OrderBy(s => s.CanonicalPath, StringComparer.Ordinal)
                .Select(s => new Uri(site.BaseUrl, s.CanonicalPath));
            var sitemap = new Uri(site.BaseUrl, Sitemap.Path);
            var info = reader.Essay.Info;
            var feed = AtomFeed.Write(
                $"Notes on “{info.Title}”",
                $"New and revised notes on {info.Author}’s essay, from {site.Title}.",
                new Uri(site.BaseUrl, AtomFeed.Path),
                site.BaseUrl,
                Entries(reader, site.BaseUrl),
                info.Published ?? DateOnly.MinValue,
                info.Language);
            return
            [
                new Document(null, Sitemap.Path, Sitemap.Write(pages)),
                new Document(null, Robots.Path, Robots.Write(sitemap)),
                new Document(null, AtomFeed.Path, feed),
            ];
        }
    }

    /// <summary>Every contributed note (the author's own footnotes are part of the essay, not news about it).</summary>
    public static IReadOnlyList<FeedEntry> Entries(ReaderResult reader, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return [.. reader.Notes.Where(n => n.Note.Kind != NoteKind.Author).Select(n => new FeedEntry(
            new Uri(baseUrl, "#" + n.Note.ElementId),
            $"{n.Note.Kind.Label()} on “{Excerpt(n.Exact(reader.Text))}”",
            n.Note.Created,
            n.Note.Updated ?? n.Note.Created,
            n.Note.Author,
            new Uri("https://github.com/" + n.Note.Author),
            AbsoluteLinks.Rewrite(reader.Xrefs.Resolve(n.Note.BodyHtml, SitePaths.Reader), baseUrl)))];
    }

    private static string Excerpt(string quote)
    {
        if (quote.Length <= TitleQuoteLength)
        {
            return quote;
        }

        var cut = quote.LastIndexOf(' ', TitleQuoteLength);
        return quote[..(cut > 0 ? cut : TitleQuoteLength)].TrimEnd(',', ';', ':', ' ') + "…";
    }
}

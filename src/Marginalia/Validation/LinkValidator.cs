using System.Collections.Concurrent;
using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Pipeline;
using Document = Marginalia.Pipeline.Document;

namespace Marginalia.Validation;

/// <summary>
/// Checks every internal link of the site before anything is written: the target file exists, a link names a file
/// (so the site works from disk), and every <c>#fragment</c> exists on its target page, which Statiq never checks.
/// Each page's ids and links come with it (<see cref="HtmlAnchors.Key"/>, recorded as it was rendered), so no written
/// page is parsed again; only an HTML document that carries none (one the code did not render) is parsed.
/// </summary>
internal static class LinkValidator
{
    /// <param name="documents">Every document that will be written.</param>
    /// <param name="basePath">The base URL's path ("/"), where root-relative links start.</param>
    /// <param name="diagnostics">Where broken links are reported.</param>
    /// <param name="cache">The preview's: a page without anchors whose bytes did not change is not parsed again.</param>
    public static void Validate(IReadOnlyList<Document> documents, string basePath, DiagnosticBag diagnostics, BuildCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var pages = documents.Where(d => d.Destination!.EndsWith(".html", StringComparison.Ordinal)).ToArray();
        var files = documents.Select(d => d.Destination!).ToHashSet(StringComparer.Ordinal);
        var parsed = new ConcurrentDictionary<string, PageLinks>(StringComparer.Ordinal);
        Parallel.ForEach(pages, page =>
        {
            parsed[page.Destination!] = page.Metadata.TryGet(HtmlAnchors.Key, out var anchors)
                ? PageLinks.From(anchors)
                : cache is null
                    ? PageLinks.Of(page.Content)
                    : cache.GetOrAdd(BuildCache.Key(nameof(PageLinks), page.Content), diagnostics, _ => PageLinks.Of(page.Content));
        });

        Parallel.ForEach(pages, page =>
        {
            var where = SourceLocation.File(page.Source ?? page.Destination!);
            DuplicateIds.Report(page.Destination!, where, parsed[page.Destination!].Duplicates, diagnostics);

            // A page links to the same few files many times over (the reader, the notes page, each with a fragment):
            // each path is resolved against the page's folder once.
            var resolved = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var link in parsed[page.Destination!].Links)
            {
                if (Check(link, page.Destination!, basePath, files, parsed, resolved) is { } problem)
                {
                    diagnostics.Add(Diagnostic.Error(problem.Code, where, $"{page.Destination}: {problem.Message}"));
                }
            }
        });
    }

    /// <summary>What validation needs of a page: every link it makes, in order, every id it has, and the ids it has twice.</summary>
    private sealed record PageLinks(IReadOnlyList<string> Links, HashSet<string> Ids, IReadOnlyList<(string Id, int Count)> Duplicates)
    {
        public static PageLinks Of(string html) => From(HtmlAnchors.OfDocument(HtmlFragment.ParseDocument(html)));

        public static PageLinks From(HtmlAnchors anchors) =>
            new(anchors.Links, anchors.Ids.ToHashSet(StringComparer.Ordinal), DuplicateIds.In(anchors.Ids));
    }

    private static (DiagnosticCode Code, string Message)? Check(
        string link,
        string from,
        string basePath,
        HashSet<string> files,
        ConcurrentDictionary<string, PageLinks> pages,
        Dictionary<string, string?> resolvedPaths)
    {
        if (HtmlAnchors.IsExternal(link))
        {
            return null; // external: not ours to check at build time
        }

        var hash = link.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? link : link[..hash];
        var fragment = hash < 0 ? null : Uri.UnescapeDataString(link[(hash + 1)..]);
        var query = path.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            path = path[..query];
        }

        string target;
        if (path.Length == 0)
        {
            target = from;
        }
        else
        {
            if (path.EndsWith('/'))
            {
                return (DiagnosticCodes.BrokenLink, $"link '{link}' names a folder; name the file ('{path}index.html') so the page works opened from disk");
            }

            if (!resolvedPaths.TryGetValue(path, out var resolved))
            {
                resolved = Resolve(path, from, basePath);
                resolvedPaths[path] = resolved;
            }

            if (resolved is null || !files.Contains(resolved))
            {
                return (DiagnosticCodes.BrokenLink, $"link '{link}' points to '{resolved ?? path}', which is not in the site");
            }

            target = resolved;
        }

        if (!string.IsNullOrEmpty(fragment) && pages.TryGetValue(target, out var page) && !page.Ids.Contains(fragment))
        {
            return (DiagnosticCodes.BrokenFragment, $"link '{link}' points to '#{fragment}', which is not on {target}");
        }

        return null;
    }

    /// <summary>The site path a link leads to from a page, or null if it climbs out of the site.</summary>
    private static string? Resolve(string path, string from, string basePath)
    {
        path = Uri.UnescapeDataString(path);
        IEnumerable<string> segments;
        if (path.StartsWith('/'))
        {
            if (!path.StartsWith(basePath, StringComparison.Ordinal))
            {
                return null;
            }

            segments = path[basePath.Length..].Split('/');
        }
        else
        {
            var folder = from.Contains('/', StringComparison.Ordinal) ? from[..from.LastIndexOf('/')].Split('/') : [];
            segments = folder.Concat(path.Split('/'));
        }

        var stack = new List<string>();
        foreach (var segment in segments)
        {
            switch (segment)
            {
                case "" or ".":
                    break;
                case "..":
                    if (stack.Count == 0)
                    {
                        return null;
                    }

                    stack.RemoveAt(stack.Count - 1);
                    break;
                default:
                    stack.Add(segment);
                    break;
            }
        }

        return string.Join('/', stack);
    }
}

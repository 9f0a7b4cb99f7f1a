using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using Marginalia.Content;
using Marginalia.Markup;

namespace Marginalia.Editions.SingleFile;

/// <summary>
/// Turns the reader page into one self-contained file that works anywhere, e.g. sent by email: stylesheets and
/// scripts inlined (scripts moved to the end of the body, since a deferred script inlined in the head would run before
/// the page exists), images as data: URLs, every other link made absolute on the live site. The notes, glossary
/// tips and initiative cards are already in the reader page, so nothing else has to be fetched.
/// </summary>
/// <remarks>
/// HTML has no way to show one data: URL in two places without script, so an image is inlined each time it is shown:
/// the edition's size is measured first (<see cref="SingleFileBudget"/>) and nothing is inlined when it is over.
/// </remarks>
internal static class SingleFileEdition
{
    /// <summary>The edition, with no limit on its size (for small, known pages).</summary>
    public static string Create(string readerHtml, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> files, Uri baseUrl) =>
        Create(readerHtml, files, baseUrl, SingleFileBudget.Unlimited).Html!;

    /// <param name="readerHtml">The reader page as the site publishes it (at the site root).</param>
    /// <param name="files">The site's other files by path (assets, media), to inline what the page uses.</param>
    /// <param name="baseUrl">The live site, where links to its other pages lead.</param>
    /// <param name="budget">The most the edition may weigh and the most images it may show.</param>
    /// <returns>The edition and what it inlines; Html is null when it would be over the budget.</returns>
    public static SingleFileResult Create(string readerHtml, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> files, Uri baseUrl, SingleFileBudget budget)
    {
        ArgumentNullException.ThrowIfNull(readerHtml);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(budget);
        var document = HtmlFragment.ParseDocument(readerHtml);
        AddTools(document);
        var searchData = AddSearch(document, files);
        var measure = SingleFileBudget.Measure(document, readerHtml.Length + searchData, files);
        if (!budget.Allows(measure))
        {
            return new SingleFileResult(null, measure);
        }

        // Only the site can register a service worker or offer a web app manifest.
        foreach (var element in document.QuerySelectorAll($"link[rel=manifest], [{MarkupNames.DataSiteOnly}]").ToArray())
        {
            element.Remove();
        }

        foreach (var link in document.QuerySelectorAll("link[rel=stylesheet][href]").ToArray())
        {
            var style = document.CreateElement("style");
            style.TextContent = Text(files, link.GetAttribute("href")!).Replace("</style", "<\\/style", StringComparison.OrdinalIgnoreCase);
            link.Replace(style);
        }

        foreach (var script in document.QuerySelectorAll("script[src]").ToArray())
        {
            var inline = document.CreateElement("script");
            inline.TextContent = Text(files, script.GetAttribute("src")!).Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
            script.Remove();
            document.Body!.AppendChild(inline);
        }

        // Each image's base64 goes in after serialising: the DOM holds a short token in its place, so the serialiser
        // never escapes megabytes of attribute (it did, at about 4 MB a second) and one image is encoded once.
        var token = "marginalia-inline-" + Guid.NewGuid().ToString("N") + "-";
        var inlined = new List<string>();
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var element in document.QuerySelectorAll("link[rel=icon][href], img[src]"))
        {
            var attribute = element.LocalName == "img" ? "src" : "href";
            var path = element.GetAttribute(attribute)!;
            if (files.TryGetValue(path, out var bytes))
            {
                if (!indexOf.TryGetValue(path, out var index))
                {
                    indexOf[path] = index = inlined.Count;
                    inlined.Add(Convert.ToBase64String(bytes.Span));
                }

                element.SetAttribute(attribute, $"data:{MediaType(path)};base64,{token}{index}.");
            }
        }

        foreach (var anchor in document.QuerySelectorAll("a[href], link[href], form[action]"))
        {
            var attribute = anchor.LocalName == "form" ? "action" : "href";
            var href = anchor.GetAttribute(attribute)!;
            if (!href.StartsWith('#') && Uri.TryCreate(baseUrl, href, out var absolute))
            {
                anchor.SetAttribute(attribute, absolute.AbsoluteUri);
            }
        }

        // Serialised once, with its doctype, into one writer: the page is tens of megabytes for a large essay, and each
        // concatenation of it was another copy for the garbage collector to find. Its anchors are read from the DOM it
        // is written from, so the link check need not parse the edition again.
        using var page = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        page.Write("<!DOCTYPE html>\n");
        document.DocumentElement.ToHtml(page, HtmlMarkupFormatter.Instance);
        page.Write('\n');
        return new SingleFileResult(Inline(page.ToString(), token, inlined), measure)
        {
            Anchors = HtmlAnchors.OfDocument(document),
        };
    }

    /// <summary>
    /// The reader's tools, which the site loads on first use (from the essay's data-tools), are here from the start:
    /// an ordinary script, measured and inlined like the rest, after them. Without data-tools, marginalia.js knows
    /// there is nothing to load.
    /// </summary>
    private static void AddTools(AngleSharp.Html.Dom.IHtmlDocument document)
    {
        foreach (var holder in document.QuerySelectorAll("[data-tools]").ToArray())
        {
            var script = document.CreateElement("script");
            script.SetAttribute("src", holder.GetAttribute("data-tools")!);
            document.Body!.AppendChild(script);
            holder.RemoveAttribute("data-tools");
        }
    }

    /// <summary>
    /// The search, which the site loads on first use (a script at a time, from the search box's lists), is here from
    /// the start. Its code is added as ordinary scripts, so it is measured and inlined like the rest, after them. Its
    /// index and text are data, much of it contributed: they go in as the text of &lt;template&gt; elements, which
    /// nothing runs, and search-engine.js reads them from there. The search page lives on the site; the form leads there.
    /// </summary>
    /// <returns>The characters the data adds to the page.</returns>
    private static long AddSearch(AngleSharp.Html.Dom.IHtmlDocument document, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> files)
    {
        var added = 0L;
        foreach (var form in document.QuerySelectorAll("form[data-search]").Take(1))
        {
            foreach (var src in form.GetAttribute("data-search")!.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var script = document.CreateElement("script");
                script.SetAttribute("src", src);
                document.Body!.AppendChild(script);
            }

            foreach (var src in (form.GetAttribute("data-search-data") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var (part, json) = SearchData(Text(files, src));
                var template = document.CreateElement("template");
                template.SetAttribute("data-search-part", part);
                template.TextContent = json;
                document.Body!.AppendChild(template);
                added += json.Length;
            }

            form.RemoveAttribute("data-search-data");
        }

        return added;
    }

    /// <summary>The part and the JSON of a search data script: <c>Marginalia.searchLoaded("text",{…});</c>.</summary>
    private static (string Part, string Json) SearchData(string script)
    {
        const string call = "Marginalia.searchLoaded(\"";
        var quote = script.IndexOf('"', call.Length);
        if (!script.StartsWith(call, StringComparison.Ordinal) || quote < 0 || !script.EndsWith(");\n", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("a search data script is not in the form SearchIndexWriter writes");
        }

        return (script[call.Length..quote], script[(quote + 2)..^3]);
    }

    /// <summary>The page with each token ("…-3.") replaced by the base64 of the image it stands for.</summary>
    private static string Inline(string page, string token, List<string> inlined)
    {
        if (inlined.Count == 0)
        {
            return page;
        }

        // Where each token is and which image it stands for, then the edition made at its final length in one go (no
        // builder that doubles as it grows, no second copy to turn it into a string).
        var places = new List<(int At, int End, int Image)>();
        var length = (long)page.Length;
        for (var found = page.IndexOf(token, StringComparison.Ordinal); found >= 0; found = page.IndexOf(token, places[^1].End, StringComparison.Ordinal))
        {
            var end = page.IndexOf('.', found + token.Length);
            var image = int.Parse(page.AsSpan(found + token.Length, end - found - token.Length), System.Globalization.CultureInfo.InvariantCulture);
            places.Add((found, end + 1, image));
            length += inlined[image].Length - (end + 1 - found);
        }

        return string.Create(checked((int)length), (page, places, inlined), static (span, state) =>
        {
            var at = 0;
            foreach (var (found, end, image) in state.places)
            {
                state.page.AsSpan(at, found - at).CopyTo(span);
                span = span[(found - at)..];
                state.inlined[image].AsSpan().CopyTo(span);
                span = span[state.inlined[image].Length..];
                at = end;
            }

            state.page.AsSpan(at).CopyTo(span);
        });
    }

    private static string Text(IReadOnlyDictionary<string, ReadOnlyMemory<byte>> files, string path) =>
        files.TryGetValue(path, out var bytes)
            ? System.Text.Encoding.UTF8.GetString(bytes.Span)
            : throw new InvalidOperationException($"the reader page uses {path}, which the site does not have");

    internal static string MediaType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        _ => "application/octet-stream",
    };
}

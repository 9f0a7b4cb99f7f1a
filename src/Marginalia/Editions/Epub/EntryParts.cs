using System.Globalization;
using AngleSharp.Dom;
using Marginalia.Extensions;

namespace Marginalia.Editions.Epub;

/// <summary>
/// The pieces every contributed entry ends with in the book, as on the site: the sources it cites, who wrote it
/// and when, and where the essay uses it. Written once so notes, terms and initiatives read alike.
/// </summary>
internal static class EntryParts
{
    /// <summary>"Sources" and a list of links to them; nothing for none. Each kind passes its own sources' titles and URLs.</summary>
    public static void Sources(XhtmlPage page, INode parent, IEnumerable<(string Title, Uri Url)> sources)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(sources);
        var cited = sources.ToList();
        if (cited.Count == 0)
        {
            return;
        }

        page.Append(parent, "p", "sources-title", "Sources");
        var list = page.Append(parent, "ul", "sources");
        foreach (var (title, url) in cited)
        {
            var link = page.Append(page.Append(list, "li"), "a", text: title);
            link.SetAttribute("href", url.AbsoluteUri);
        }
    }

    /// <summary>"By @name, 27 November 2026", the name linking to the contributor's profile as on the site.</summary>
    public static void Byline(XhtmlPage page, INode parent, string author, DateOnly? created, DateOnly? updated = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var meta = page.Append(parent, "p", "entry-meta", "By ");
        page.Append(meta, "a", text: "@" + author).SetAttribute("href", "https://github.com/" + Uri.EscapeDataString(author));
        if (created is { } c)
        {
            page.AppendText(meta, ", " + Label(c));
        }

        if (updated is { } u)
        {
            page.AppendText(meta, ", updated " + Label(u));
        }
    }

    /// <summary>"In the essay: ¶ 3, ¶ 7", each linking to its paragraph; nothing when no paragraph uses it.</summary>
    public static void Paragraphs(XhtmlPage page, INode parent, ReaderResult reader, IEnumerable<string> blockIds, string label, string fromFile)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(reader);
        // Each paragraph once, in reading order. Its number is its own, so no two share one and the sort needs no tie
        // rule; a list of tuples sorted in place, since LINQ's sorter over tuples is compiled at run time under ReadyToRun.
        var paragraphs = new List<(string Id, int Number)>();
        foreach (var id in blockIds.Distinct(StringComparer.Ordinal))
        {
            if (reader.ParagraphNumber(id) is var number and > 0)
            {
                paragraphs.Add((id, number));
            }
        }

        paragraphs.Sort((a, b) => a.Number.CompareTo(b.Number));
        if (paragraphs.Count == 0)
        {
            return;
        }

        var line = page.Append(parent, "p", "entry-uses", label + ": ");
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (i > 0)
            {
                page.AppendText(line, ", ");
            }

            page.Append(line, "a", text: "¶ " + paragraphs[i].Number.ToString(CultureInfo.InvariantCulture))
                .SetAttribute("href", BookLinks.ToEssay(paragraphs[i].Id, fromFile));
        }
    }

    public static string Label(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}

using Marginalia.Annotations;
using Marginalia.Initiatives;
using Marginalia.Reader;

namespace Marginalia.Theme;

/// <summary>What layouts see of initiatives: preview cards for the reader, a page each, and the index by region.</summary>
public static class InitiativeModel
{
    private const int ExcerptRadius = 90;

    /// <summary>Preview cards for the initiatives the essay links, with their facts, built into the reader page.</summary>
    public static List<object> Cards(ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.Initiatives.Where(u => u.Linked).OrderBy(u => u.Initiative.Id, StringComparer.Ordinal)
            .Select(u => (object)Facts(u.Initiative)).ToList();
    }

    /// <summary>Everything an initiative's page shows, with links written for that page.</summary>
    public static Dictionary<string, object> Page(InitiativeUse use, ReaderResult reader, string pagePath)
    {
        ArgumentNullException.ThrowIfNull(use);
        ArgumentNullException.ThrowIfNull(reader);
        var model = Facts(use.Initiative);
        model["body_html"] = reader.Xrefs.Resolve(use.Initiative.BodyHtml, pagePath);
        model["author"] = use.Initiative.Author;
        model["author_url"] = "https://github.com/" + use.Initiative.Author;
        model["sources"] = use.Initiative.Sources.Select(s => (object)new Dictionary<string, object> { ["title"] = s.Title, ["url"] = s.Url.AbsoluteUri }).ToList();
        model["mentions"] = use.Mentions.GroupBy(m => m.BlockId).Select(g => (object)new Dictionary<string, object>
        {
            ["id"] = g.Key,
            ["number"] = reader.ParagraphNumber(g.Key),
            ["is_paragraph"] = reader.ParagraphNumber(g.Key) > 0,
            ["excerpt"] = Excerpt(reader, g.First()),
        }).ToList();
        model["notes"] = NotesOn(use, reader).Select(n => (object)new Dictionary<string, object>
        {
            ["id"] = n.Note.Id,
            ["marker_id"] = n.Note.MarkerId,
            ["number"] = n.Number,
            ["kind_label"] = n.Note.Kind.Label(),
            ["quote"] = n.Start < n.End ? reader.Text[n.Start..n.End] : string.Empty,
        }).ToList();
        return model;
    }

    /// <summary>All initiatives grouped by their first region (places alphabetically, then Worldwide, then those without one), for the index.</summary>
    public static List<object> ByRegion(ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.Initiatives
            .GroupBy(u => u.Initiative.Regions.FirstOrDefault() ?? string.Empty)
            .OrderBy(g => g.Key.Length == 0).ThenBy(g => g.Key == "Worldwide").ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => (object)new Dictionary<string, object>
            {
                ["region"] = g.Key.Length == 0 ? "Region not given" : g.Key,
                ["initiatives"] = g.OrderBy(u => u.Initiative.Name, StringComparer.OrdinalIgnoreCase).Select(u =>
                {
                    var facts = Facts(u.Initiative);
                    facts["mention_count"] = u.Mentions.Length;
                    return (object)facts;
                }).ToList(),
            }).ToList();
    }

    /// <summary>The notes whose passages overlap a mention of the initiative, in reading order.</summary>
    public static IEnumerable<AnchoredNote> NotesOn(InitiativeUse use, ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(use);
        ArgumentNullException.ThrowIfNull(reader);
        return reader.Notes.Where(n => n.Start < n.End && use.Mentions.Any(m => n.Start < m.End && m.Start < n.End));
    }

    private static Dictionary<string, object> Facts(Initiative initiative) => new()
    {
        ["id"] = initiative.Id,
        ["card_id"] = initiative.CardId,
        ["path"] = initiative.PagePath,
        ["name"] = initiative.Name,
        ["kind"] = initiative.Kind ?? string.Empty,
        ["region"] = initiative.Region ?? string.Empty,
        ["started"] = initiative.Started?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        ["url"] = initiative.Url?.AbsoluteUri ?? string.Empty,
        ["summary"] = initiative.Summary,
    };

    /// <summary>The mention with some of the paragraph round it, cut at word boundaries.</summary>
    private static string Excerpt(ReaderResult reader, Mention mention)
    {
        var text = reader.Text;
        var blockStart = text.LastIndexOf("\n\n", Math.Max(0, mention.Start - 1), StringComparison.Ordinal) is var b and >= 0 ? b + 2 : 0;
        var blockEnd = text.IndexOf("\n\n", mention.End, StringComparison.Ordinal) is var e and >= 0 ? e : text.TrimEnd('\n').Length;
        var start = Math.Max(blockStart, mention.Start - ExcerptRadius);
        var end = Math.Min(blockEnd, mention.End + ExcerptRadius);
        while (start > blockStart && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        while (end < blockEnd && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return (start > blockStart ? "… " : string.Empty) + text[start..end].Trim() + (end < blockEnd ? " …" : string.Empty);
    }
}

using System.Collections.Immutable;
using Marginalia.Annotations;
using Marginalia.Content;
using Marginalia.Extensions;
using Marginalia.Theme;

namespace Marginalia.Initiatives;

/// <summary>What layouts see of initiatives: preview cards for the reader, a page each, and the index by region.</summary>
internal static class InitiativeModel
{
    private const int ExcerptRadius = 90;

    /// <summary>Preview cards for the initiatives the essay links, with their facts, built into the reader page.</summary>
    public static List<InitiativeView> Cards(ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return [.. reader.Initiatives.Where(u => u.Linked).OrderBy(u => u.Initiative.Id, StringComparer.Ordinal).Select(u => Facts(u.Initiative))];
    }

    /// <summary>Everything an initiative's page shows, with links written for that page.</summary>
    public static InitiativeView Page(InitiativeUse use, ReaderResult reader, string pagePath)
    {
        ArgumentNullException.ThrowIfNull(use);
        ArgumentNullException.ThrowIfNull(reader);
        return Facts(use.Initiative) with
        {
            BodyHtml = reader.Xrefs.ResolveAnchored(use.Initiative.BodyHtml, pagePath),
            Author = use.Initiative.Author,
            AuthorUrl = "https://github.com/" + use.Initiative.Author,
            Sources = [.. use.Initiative.Sources.Select(s => new SourceView(s.Title, s.Url.AbsoluteUri))],
            Mentions = [.. use.Mentions.GroupBy(m => m.BlockId).Select(g => new MentionView(
                g.Key, reader.ParagraphNumber(g.Key), reader.ParagraphNumber(g.Key) > 0, Excerpt(reader, g.First())))],
            Notes = [.. NotesOn(use, reader).Select(n => new NoteOnInitiativeView(
                n.Note.Id, n.Note.MarkerId, n.Number, n.Note.Kind.Label(), n.Start < n.End ? reader.Text[n.Start..n.End] : string.Empty))],
        };
    }

    /// <summary>All initiatives grouped by their first region (places alphabetically, then Worldwide, then those without one), for the index.</summary>
    public static List<RegionView> ByRegion(ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return [.. reader.Initiatives
            .GroupBy(u => u.Initiative.Regions.FirstOrDefault() ?? string.Empty)
            .OrderBy(g => g.Key.Length == 0).ThenBy(g => g.Key == "Worldwide").ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new RegionView(g.Key.Length == 0 ? "Region not given" : g.Key,
                [.. g.OrderBy(u => u.Initiative.Name, StringComparer.OrdinalIgnoreCase).Select(u => Facts(u.Initiative) with { MentionCount = u.Mentions.Length })]))];
    }

    /// <summary>The notes whose passages overlap a mention of the initiative, in reading order.</summary>
    public static IEnumerable<AnchoredNote> NotesOn(InitiativeUse use, ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(use);
        ArgumentNullException.ThrowIfNull(reader);
        // The mentions in a loop, not a lambda made for every note: at 2,000 notes and 200 initiatives those closures
        // were 34 MB to collect.
        var mentions = use.Mentions;
        return reader.Notes.Where(n => n.Start < n.End && Overlaps(n, mentions));
    }

    private static bool Overlaps(AnchoredNote note, ImmutableArray<Mention> mentions)
    {
        foreach (var mention in mentions)
        {
            if (note.Start < mention.End && mention.Start < note.End)
            {
                return true;
            }
        }

        return false;
    }

    private static InitiativeView Facts(Initiative initiative) => new()
    {
        Id = initiative.Id,
        CardId = initiative.CardId,
        Path = initiative.PagePath,
        Name = initiative.Name,
        Kind = initiative.Kind ?? string.Empty,
        Region = initiative.Region ?? string.Empty,
        Started = initiative.Started?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        Url = initiative.Url?.AbsoluteUri ?? string.Empty,
        Summary = initiative.Summary,
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

/// <summary>
/// An initiative as layouts see it: its facts on the reader's card and in the index (with <c>mention_count</c>), and
/// everything on its own page. Members a view does not use stay empty.
/// </summary>
internal sealed record InitiativeView
{
    public required string Id { get; init; }
    public required string CardId { get; init; }
    public required string Path { get; init; }
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public required string Region { get; init; }
    public required string Started { get; init; }
    public required string Url { get; init; }
    public required string Summary { get; init; }
    public int MentionCount { get; init; }
    public AnchoredHtml BodyHtml { get; init; } = AnchoredHtml.Empty;
    public string Author { get; init; } = string.Empty;
    public string AuthorUrl { get; init; } = string.Empty;
    public IReadOnlyList<SourceView> Sources { get; init; } = [];
    public IReadOnlyList<MentionView> Mentions { get; init; } = [];
    public IReadOnlyList<NoteOnInitiativeView> Notes { get; init; } = [];
}

/// <summary>A block of the essay that mentions an initiative, with an excerpt round the mention.</summary>
internal sealed record MentionView(string Id, int Number, bool IsParagraph, string Excerpt);

/// <summary>A note whose passage overlaps a mention of the initiative.</summary>
internal sealed record NoteOnInitiativeView(string Id, string MarkerId, int Number, string KindLabel, string Quote);

/// <summary>The initiatives whose first region is one place, for the index.</summary>
internal sealed record RegionView(string Region, IReadOnlyList<InitiativeView> Initiatives);

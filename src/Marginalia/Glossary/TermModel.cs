using Marginalia.Content;
using Marginalia.Extensions;
using Marginalia.Theme;

namespace Marginalia.Glossary;

/// <summary>What layouts see of glossary terms: the tooltips the reader needs and the entries of the glossary page.</summary>
internal static class TermModel
{
    /// <summary>The terms marked in the essay, for their tooltips (one per term, however often it is marked).</summary>
    public static List<TermTipView> Tips(ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return [.. reader.Terms.Where(t => t.Marked).OrderBy(t => t.Term.Id, StringComparer.Ordinal)
            .Select(t => new TermTipView(t.Term.Id, t.Term.TipId, t.Term.Term, t.Term.Definition))];
    }

    /// <summary>Every term, alphabetically in groups by first letter, with its entry resolved for the page that shows it.</summary>
    public static List<TermGroupView> Groups(ReaderResult reader, string pagePath)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return [.. Entries(reader, pagePath).GroupBy(e => e.Letter).Select(g => new TermGroupView(g.Key, LetterId(g.Key), [.. g]))];
    }

    private static IEnumerable<TermEntryView> Entries(ReaderResult reader, string pagePath) =>
        Sorted(reader).Select(use => new TermEntryView(
            use.Term.Id, use.Term.Term, [.. use.Term.Aliases], Letter(use.Term.Term), use.Term.Definition,
            reader.Xrefs.ResolveAnchored(use.Term.BodyHtml, pagePath), use.Term.Author, "https://github.com/" + use.Term.Author,
            [.. use.Term.Sources.Select(s => new SourceView(s.Title, s.Url.AbsoluteUri))],
            [.. use.ParagraphIds.Select(id => new ParagraphRefView(id, reader.ParagraphNumber(id)))]));

    /// <summary>A to Z, each letter saying whether any entry starts with it (for the jump links).</summary>
    public static List<LetterView> Letters(ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var present = reader.Terms.Select(t => Letter(t.Term.Term)).ToHashSet(StringComparer.Ordinal);
        return [.. Enumerable.Range('A', 26).Select(c => ((char)c).ToString())
            .Concat(present.Where(l => l == "#"))
            .Select(l => new LetterView(l, present.Contains(l), LetterId(l)))];
    }

    private static IEnumerable<TermUse> Sorted(ReaderResult reader) =>
        reader.Terms.OrderBy(t => t.Term.Term, Text.ReaderOrder.IgnoringCaseAndAccents)
            .ThenBy(t => t.Term.Id, StringComparer.Ordinal);

    private static string LetterId(string letter) => letter == "#" ? Contributions.PageIds.Letter + "other" : Contributions.PageIds.Letter + letter.ToLowerInvariant();

    private static string Letter(string term)
    {
        var first = term.Normalize(System.Text.NormalizationForm.FormD).FirstOrDefault(char.IsLetterOrDigit);
        return char.IsAsciiLetter(first) ? char.ToUpperInvariant(first).ToString() : "#";
    }
}

/// <summary>A marked term's tooltip in the reader.</summary>
internal sealed record TermTipView(string Id, string TipId, string Term, string Short);

/// <summary>The glossary's entries under one letter.</summary>
internal sealed record TermGroupView(string Letter, string Id, IReadOnlyList<TermEntryView> Entries);

/// <summary>A glossary entry, with the paragraphs that use the term.</summary>
internal sealed record TermEntryView(
    string Id, string Term, IReadOnlyList<string> Aliases, string Letter, string Short, AnchoredHtml BodyHtml, string Author, string AuthorUrl,
    IReadOnlyList<SourceView> Sources, IReadOnlyList<ParagraphRefView> Paragraphs);

/// <summary>A paragraph of the essay by id and number (¶ 12).</summary>
internal sealed record ParagraphRefView(string Id, int Number);

/// <summary>One letter of the glossary's A to Z links.</summary>
internal sealed record LetterView(string Letter, bool Present, string Id);

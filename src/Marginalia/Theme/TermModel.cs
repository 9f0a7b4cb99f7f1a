using System.Globalization;
using Marginalia.Glossary;
using Marginalia.Reader;

namespace Marginalia.Theme;

/// <summary>What layouts see of glossary terms: the tooltips the reader needs and the entries of the glossary page.</summary>
public static class TermModel
{
    /// <summary>The terms marked in the essay, for their tooltips (one per term, however often it is marked).</summary>
    public static List<object> Tips(ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.Terms.Where(t => t.Marked).OrderBy(t => t.Term.Id, StringComparer.Ordinal).Select(t => (object)new Dictionary<string, object>
        {
            ["id"] = t.Term.Id,
            ["tip_id"] = t.Term.TipId,
            ["term"] = t.Term.Term,
            ["short"] = t.Term.Definition,
        }).ToList();
    }

    /// <summary>Every term, alphabetically in groups by first letter, with its entry resolved for the page that shows it.</summary>
    public static List<object> Groups(ReaderResult reader, string pagePath)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Entries(reader, pagePath)
            .GroupBy(e => (string)e["letter"])
            .Select(g => (object)new Dictionary<string, object>
            {
                ["letter"] = g.Key,
                ["id"] = LetterId(g.Key),
                ["entries"] = g.Cast<object>().ToList(),
            })
            .ToList();
    }

    private static IEnumerable<Dictionary<string, object>> Entries(ReaderResult reader, string pagePath)
    {
        return Sorted(reader).Select(use => new Dictionary<string, object>
        {
            ["id"] = use.Term.Id,
            ["term"] = use.Term.Term,
            ["aliases"] = use.Term.Aliases.Cast<object>().ToList(),
            ["letter"] = Letter(use.Term.Term),
            ["short"] = use.Term.Definition,
            ["body_html"] = reader.Xrefs.Resolve(use.Term.BodyHtml, pagePath),
            ["author"] = use.Term.Author,
            ["author_url"] = "https://github.com/" + use.Term.Author,
            ["sources"] = use.Term.Sources.Select(s => (object)new Dictionary<string, object> { ["title"] = s.Title, ["url"] = s.Url.AbsoluteUri }).ToList(),
            ["paragraphs"] = use.ParagraphIds.Select(id => (object)new Dictionary<string, object>
            {
                ["id"] = id,
                ["number"] = reader.ParagraphNumber(id),
            }).ToList(),
        });
    }

    /// <summary>A to Z, each letter saying whether any entry starts with it (for the jump links).</summary>
    public static List<object> Letters(ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var present = reader.Terms.Select(t => Letter(t.Term.Term)).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range('A', 26).Select(c => ((char)c).ToString())
            .Concat(present.Where(l => l == "#"))
            .Select(l => (object)new Dictionary<string, object> { ["letter"] = l, ["present"] = present.Contains(l), ["id"] = LetterId(l) })
            .ToList();
    }

    private static IEnumerable<TermUse> Sorted(ReaderResult reader) =>
        reader.Terms.OrderBy(t => t.Term.Term, StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace))
            .ThenBy(t => t.Term.Id, StringComparer.Ordinal);

    private static string LetterId(string letter) => letter == "#" ? Contributions.PageIds.Letter + "other" : Contributions.PageIds.Letter + letter.ToLowerInvariant();

    private static string Letter(string term)
    {
        var first = term.Normalize(System.Text.NormalizationForm.FormD).FirstOrDefault(char.IsLetterOrDigit);
        return char.IsAsciiLetter(first) ? char.ToUpperInvariant(first).ToString() : "#";
    }
}

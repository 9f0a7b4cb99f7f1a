using System.Globalization;
using Marginalia.Annotations;
using Marginalia.Contributions;
using Marginalia.Glossary;
using Marginalia.Initiatives;
using Marginalia.Reader;

namespace Marginalia.Theme;

/// <summary>
/// Every source cited anywhere on the site — notes, glossary entries, initiative pages — once each (by address), with
/// the places that cite it; and the contributors, for the about page.
/// </summary>
public static class SourcesModel
{
    public static List<object> Sources(ReaderResult reader, string pagePath)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var citations = new List<(NoteSource Source, string Label, string Target)>();
        foreach (var note in reader.Notes.Where(n => n.Note.Kind != NoteKind.Author))
        {
            citations.AddRange(note.Note.Sources.Select(s => (s, "Note on " + PassageLabel.Of(note, reader.Text), $"index.html#{note.Note.ElementId}")));
        }

        foreach (var term in reader.Terms)
        {
            citations.AddRange(term.Term.Sources.Select(s => (s, $"Glossary: {term.Term.Term}", $"{ReaderPipeline.GlossaryPage}#{term.Term.Id}")));
        }

        foreach (var initiative in reader.Initiatives)
        {
            citations.AddRange(initiative.Initiative.Sources.Select(s => (s, $"Initiative: {initiative.Initiative.Name}", initiative.Initiative.PagePath)));
        }

        return citations
            .GroupBy(c => c.Source.Url.AbsoluteUri, StringComparer.Ordinal)
            .Select(g => (Title: g.First().Source.Title, Url: g.Key, Cited: g.DistinctBy(c => c.Target).ToList()))
            .OrderBy(s => s.Title, StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase))
            .ThenBy(s => s.Url, StringComparer.Ordinal)
            .Select(s => (object)new Dictionary<string, object>
            {
                ["title"] = s.Title,
                ["url"] = s.Url,
                ["host"] = new Uri(s.Url).Host,
                ["cited"] = s.Cited.Select(c => (object)new Dictionary<string, object>
                {
                    ["label"] = c.Label,
                    ["href"] = SitePaths.Relative(pagePath, c.Target),
                }).ToList(),
            })
            .ToList();
    }

    /// <summary>Who wrote the annotations, with how many of each kind and links to each piece from <paramref name="pagePath"/>.</summary>
    public static List<object> Contributors(ReaderResult reader, string pagePath = "about/index.html")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var work = reader.Notes.Where(n => n.Note.Kind != NoteKind.Author)
                .Select(n => (n.Note.Author, Kind: 0, Label: PassageLabel.Of(n, reader.Text), Target: $"index.html#{n.Note.ElementId}"))
            .Concat(reader.Terms.Select(t => (t.Term.Author, Kind: 1, Label: t.Term.Term, Target: $"{ReaderPipeline.GlossaryPage}#{t.Term.Id}")))
            .Concat(reader.Initiatives.Select(i => (i.Initiative.Author, Kind: 2, Label: i.Initiative.Name, Target: i.Initiative.PagePath)));
        object Items(IEnumerable<(string Author, int Kind, string Label, string Target)> items) =>
            items.Select(w => (object)new Dictionary<string, object> { ["label"] = w.Label, ["href"] = SitePaths.Relative(pagePath, w.Target) }).ToList();
        return work.GroupBy(w => w.Author, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => (object)new Dictionary<string, object>
            {
                ["handle"] = g.Key,
                ["url"] = "https://github.com/" + g.Key,
                ["notes"] = g.Count(w => w.Kind == 0),
                ["terms"] = g.Count(w => w.Kind == 1),
                ["initiatives"] = g.Count(w => w.Kind == 2),
                ["note_items"] = Items(g.Where(w => w.Kind == 0)),
                ["term_items"] = Items(g.Where(w => w.Kind == 1)),
                ["initiative_items"] = Items(g.Where(w => w.Kind == 2)),
            })
            .ToList();
    }
}

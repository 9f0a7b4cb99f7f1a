using System.Globalization;
using Marginalia.Annotations;
using Marginalia.Contributions;
using Marginalia.Reader;

namespace Marginalia.Theme;

/// <summary>What layouts see of a note, with its body's links resolved for the page that shows it.</summary>
public static class NoteModel
{
    public static Dictionary<string, object> Create(AnchoredNote anchored, ReaderResult reader, string pagePath, Contributions.RepositoryLinks? repository = null)
    {
        ArgumentNullException.ThrowIfNull(anchored);
        ArgumentNullException.ThrowIfNull(reader);
        var note = anchored.Note;
        var section = reader.SectionOf(anchored.BlockId);
        var isAuthor = note.Kind == NoteKind.Author;
        return new()
        {
            ["id"] = note.Id,
            ["element_id"] = note.ElementId,
            ["marker_id"] = note.MarkerId,
            ["number"] = anchored.Number,
            ["kind"] = note.Kind.Name(),
            ["kind_label"] = note.Kind.Label(),
            ["is_author_note"] = isAuthor,
            ["author"] = note.Author,
            ["author_url"] = isAuthor ? string.Empty : "https://github.com/" + note.Author,
            ["created"] = isAuthor ? string.Empty : Iso(note.Created),
            ["created_label"] = isAuthor ? string.Empty : Label(note.Created),
            ["updated"] = note.Updated is { } u ? Iso(u) : string.Empty,
            ["updated_label"] = note.Updated is { } v ? Label(v) : string.Empty,
            ["lang"] = note.Language ?? string.Empty,
            ["quote"] = anchored.Start < anchored.End ? reader.Text[anchored.Start..anchored.End] : string.Empty,
            ["body_html"] = reader.Xrefs.Resolve(note.BodyHtml, pagePath),
            ["sources"] = note.Sources.Select(s => (object)new Dictionary<string, object> { ["title"] = s.Title, ["url"] = s.Url.AbsoluteUri }).ToList(),
            ["section_id"] = section.Id,
            ["section_title"] = section.Title ?? "Opening",
            ["block_id"] = anchored.BlockId,
            ["edit_url"] = repository is null || isAuthor ? string.Empty : repository.Edit($"input/{AnnotationsPipeline.Folder}/{note.Id}.md"),
        };
    }

    /// <summary>
    /// A note that no longer fits the corrected essay (built with <c>--allow-unanchored</c>): its old quote, to be shown
    /// struck through, its body and its file, so an editor can mend it.
    /// </summary>
    public static Dictionary<string, object> Unanchored(Note note, ReaderResult reader, string pagePath)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(reader);
        return new()
        {
            ["id"] = note.Id,
            ["element_id"] = note.ElementId,
            ["kind"] = note.Kind.Name(),
            ["kind_label"] = note.Kind.Label(),
            ["author"] = note.Author,
            ["author_url"] = "https://github.com/" + note.Author,
            ["created"] = Iso(note.Created),
            ["created_label"] = Label(note.Created),
            ["quote"] = note.Quote,
            ["essay_version"] = note.EssayVersion ?? string.Empty,
            ["source_path"] = note.SourcePath,
            ["lang"] = note.Language ?? string.Empty,
            ["body_html"] = reader.Xrefs.Resolve(note.BodyHtml, pagePath),
        };
    }

    /// <summary>Notes grouped under the essay's sections, in reading order, for the notes page.</summary>
    public static List<object> BySection(ReaderResult reader, string pagePath)
    {
        ArgumentNullException.ThrowIfNull(reader);

        // One pass over the notes, not one per section: reading order is kept within each group.
        var notesBySection = reader.Notes.GroupBy(n => reader.SectionOf(n.BlockId).Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return reader.Essay.Sections
            .Select(section => (Section: section, Notes: notesBySection.GetValueOrDefault(section.Id) ?? []))
            .Where(x => x.Notes.Count > 0)
            .Select(x => (object)new Dictionary<string, object>
            {
                ["id"] = x.Section.Id,
                ["title"] = x.Section.Title ?? "Opening",
                ["untitled"] = x.Section.Title is null,
                ["notes"] = x.Notes.Select(n => (object)Create(n, reader, pagePath)).ToList(),
            })
            .ToList();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Label(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}

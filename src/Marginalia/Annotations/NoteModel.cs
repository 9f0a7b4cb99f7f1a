using System.Globalization;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Extensions;
using Marginalia.Theme;

namespace Marginalia.Annotations;

/// <summary>What layouts see of a note, with its body's links resolved for the page that shows it.</summary>
internal static class NoteModel
{
    public static NoteView Create(AnchoredNote anchored, ReaderResult reader, string pagePath, RepositoryLinks? repository = null)
    {
        ArgumentNullException.ThrowIfNull(anchored);
        ArgumentNullException.ThrowIfNull(reader);
        var note = anchored.Note;
        var section = reader.SectionOf(anchored.BlockId);
        var isAuthor = note.Kind == NoteKind.Author;
        return new NoteView
        {
            Id = note.Id,
            ElementId = note.ElementId,
            MarkerId = note.MarkerId,
            Number = anchored.Number,
            Kind = note.Kind.Name(),
            KindLabel = note.Kind.Label(),
            IsAuthorNote = isAuthor,
            Author = note.Author,
            AuthorUrl = isAuthor ? string.Empty : "https://github.com/" + note.Author,
            Created = isAuthor ? string.Empty : Iso(note.Created),
            CreatedLabel = isAuthor ? string.Empty : Label(note.Created),
            Updated = note.Updated is { } u ? Iso(u) : string.Empty,
            UpdatedLabel = note.Updated is { } v ? Label(v) : string.Empty,
            Lang = note.Language ?? string.Empty,
            Quote = anchored.Start < anchored.End ? reader.Text[anchored.Start..anchored.End] : string.Empty,
            BodyHtml = reader.Xrefs.ResolveAnchored(note.BodyHtml, pagePath),
            Sources = [.. note.Sources.Select(s => new SourceView(s.Title, s.Url.AbsoluteUri))],
            SectionId = section.Id,
            SectionTitle = section.Title ?? "Opening",
            BlockId = anchored.BlockId,
            EditUrl = repository is null || isAuthor ? string.Empty : repository.Edit($"input/{AnnotationsPipeline.Folder}/{note.Id}.md"),
        };
    }

    /// <summary>
    /// A note that no longer fits the corrected essay (built with <c>--allow-unanchored</c>): its old quote, to be shown
    /// struck through, its body and its file, so an editor can mend it.
    /// </summary>
    public static UnanchoredNoteView Unanchored(Note note, ReaderResult reader, string pagePath)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(reader);
        return new UnanchoredNoteView(
            note.Id, note.ElementId, note.Kind.Name(), note.Kind.Label(), note.Author, "https://github.com/" + note.Author,
            Iso(note.Created), Label(note.Created), note.Quote, note.EssayVersion ?? string.Empty, note.SourcePath, note.Language ?? string.Empty,
            reader.Xrefs.ResolveAnchored(note.BodyHtml, pagePath));
    }

    /// <summary>Notes grouped under the essay's sections, in reading order, for the notes page.</summary>
    public static List<NoteSectionView> BySection(ReaderResult reader, string pagePath)
    {
        ArgumentNullException.ThrowIfNull(reader);

        // One pass over the notes, not one per section: reading order is kept within each group.
        var notesBySection = reader.Notes.GroupBy(n => reader.SectionOf(n.BlockId).Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return [.. reader.Essay.Sections
            .Select(section => (Section: section, Notes: notesBySection.GetValueOrDefault(section.Id) ?? []))
            .Where(x => x.Notes.Count > 0)
            .Select(x => new NoteSectionView(x.Section.Id, x.Section.Title ?? "Opening", x.Section.Title is null,
                [.. x.Notes.Select(n => Create(n, reader, pagePath))]))];
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Label(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}

/// <summary>A note as the reader and the notes page show it (<c>note.body_html</c>, <c>note.marker_id</c>, ...).</summary>
internal sealed record NoteView
{
    public required string Id { get; init; }
    public required string ElementId { get; init; }
    public required string MarkerId { get; init; }
    public required int Number { get; init; }
    public required string Kind { get; init; }
    public required string KindLabel { get; init; }
    public required bool IsAuthorNote { get; init; }
    public required string Author { get; init; }
    public required string AuthorUrl { get; init; }
    public required string Created { get; init; }
    public required string CreatedLabel { get; init; }
    public required string Updated { get; init; }
    public required string UpdatedLabel { get; init; }
    public required string Lang { get; init; }
    public required string Quote { get; init; }
    public required AnchoredHtml BodyHtml { get; init; }
    public required IReadOnlyList<SourceView> Sources { get; init; }
    public required string SectionId { get; init; }
    public required string SectionTitle { get; init; }
    public required string BlockId { get; init; }
    public required string EditUrl { get; init; }
}

/// <summary>A note that no longer fits the essay, as the notes page lists it for an editor.</summary>
internal sealed record UnanchoredNoteView(
    string Id, string ElementId, string Kind, string KindLabel, string Author, string AuthorUrl, string Created, string CreatedLabel,
    string Quote, string EssayVersion, string SourcePath, string Lang, AnchoredHtml BodyHtml);

/// <summary>A section of the essay with the notes on it, for the notes page.</summary>
internal sealed record NoteSectionView(string Id, string Title, bool Untitled, IReadOnlyList<NoteView> Notes);

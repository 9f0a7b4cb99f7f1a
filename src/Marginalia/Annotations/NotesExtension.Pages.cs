using Marginalia.Contributions;
using Marginalia.Extensions;
using Marginalia.Theme;

namespace Marginalia.Annotations;

/// <summary>The notes' pages: the notes page (notes/index.html), the notes at the foot of the reader, the about page's count.</summary>
internal sealed partial class NotesExtension
{
    /// <summary>The notes page's layout.</summary>
    public const string NotesLayout = "notes";

    public int CreditOrder => 0;

    public IEnumerable<PageSpec> Pages(PageSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        yield return new PageSpec(NotesLayout, "notes/index.html", "Notes on the essay", $"Every note on {site.Author}’s essay, by section, with the passage it is about.", Root: "../", CanonicalPath: "notes/");
    }

    public void Fill(PageSpec page, PageSite site, PageModel model)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(model);
        var reader = site.Reader;
        switch (page.Layout)
        {
            case CoreLayouts.Reader:
                // The author's footnotes are among these: they are numbered and listed with the contributed notes.
                model.Set("notes", reader.Notes.Select(n => NoteModel.Create(n, reader, page.Destination, site.Repository)).ToList());
                model.Set("note_kinds", NoteKindCounts.Of(reader.Notes));

                // Where "Suggest a note" (selection.js) sends the note it made from a selection; empty: it shows the file to copy.
                model.Set("new_note_url", site.Repository?.NewNoteFolder() ?? string.Empty);
                break;
            case CoreLayouts.About:
                model.Set("note_count", reader.Notes.Length);
                break;
            case NotesLayout:
                model.Set("notes", reader.Notes.Select(n => NoteModel.Create(n, reader, page.Destination)).ToList());
                model.Set("note_sections", NoteModel.BySection(reader, page.Destination));
                model.Set("note_kinds", NoteKindCounts.Of(reader.Notes));
                model.Set("unanchored", reader.Unanchored.Select(n => NoteModel.Unanchored(n, reader, page.Destination)).ToList());
                break;
        }
    }

    public IEnumerable<Citation> Citations(ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Contributed(reader).SelectMany(note => note.Note.Sources.Select(s => new Citation(s, "Note on " + PassageLabel.Of(note, reader.Text), Target(note))));
    }

    public CreditedWork? Work(ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new("Notes", "notes", [.. Contributed(reader).Select(n => new CreditedPiece(n.Note.Author, PassageLabel.Of(n, reader.Text), Target(n)))]);
    }

    public IEnumerable<OwnedId> ElementIds(ReaderResult reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Contributed(reader).Select(n => n.Note).Concat(reader.Unanchored).Select(n => new OwnedId(IdOwner.Note, n.Id, n.SourcePath));
    }

    /// <summary>
    /// The reader's notes: their layout and behaviour. Whether they show is a reader setting (settings.js, loaded
    /// before every kind's script on every page: <see cref="PageAssets.SiteScripts"/>). The filter by kind
    /// (notes-filter.js) runs on the reader and the notes page; on the reader it comes first, so notes of a kind the
    /// reader hid are out before the margin is first laid out. selection.js is the toolbar over a selection in the essay,
    /// whose first action suggests a new note on it; what that action needs (the essay's text in essay-text.js,
    /// the note file and its dialog in note-file.js) loads on the first selection.
    /// </summary>
    public IEnumerable<string> Scripts(PageSpec page) => page?.Layout switch
    {
        CoreLayouts.Reader => ["notes-filter.js", "notes-margin.js", "notes-side.js", "notes.js", "notes-events.js", "selection.js"],
        NotesLayout => ["notes-filter.js"],
        _ => [],
    };

    public IEnumerable<string> ScriptsOnFirstUse(PageSpec page) => page?.Layout == CoreLayouts.Reader ? ["essay-text.js", "note-file.js"] : [];

    public IEnumerable<NavLink> Nav(PageSite site) => [new("Notes", "notes/index.html", 10, [NotesLayout])];

    public void RegisterModels(LayoutModels models)
    {
        ArgumentNullException.ThrowIfNull(models);
        models.Register<NoteView>();
        models.Register<UnanchoredNoteView>();
        models.Register<NoteSectionView>();
        models.Register<NoteKindView>();
    }

    /// <summary>The notes contributors wrote: the author's own footnotes are the essay's, credited to no one here.</summary>
    private static IEnumerable<AnchoredNote> Contributed(ReaderResult reader) => reader.Notes.Where(n => n.Note.Kind != NoteKind.Author);

    private static string Target(AnchoredNote note) => $"{SitePaths.Reader}#{note.Note.ElementId}";
}

namespace Marginalia.Markup;

/// <summary>
/// The class names and data attributes that C# writes into the pages and that the theme's layouts, stylesheets and
/// scripts read: one place, so a rename here is a rename everywhere C# is concerned, and a test
/// (MarkupNamesTests) fails if the theme no longer uses a name. Depends on nothing, so every namespace may use it.
/// </summary>
internal static class MarkupNames
{
    /// <summary>A note's numbered marker in the essay (<c>a.note-ref</c>).</summary>
    public const string NoteRef = "note-ref";

    /// <summary>The comma between two markers with no text between them.</summary>
    public const string NoteRefSeparator = "note-ref-sep";

    /// <summary>The highlight over a note's passage.</summary>
    public const string NoteMark = "note-mark";

    /// <summary>A glossary term linked where the essay uses it.</summary>
    public const string Term = "term";

    /// <summary>An initiative linked where the essay mentions it.</summary>
    public const string Mention = "mention";

    /// <summary>A paragraph's permanent link (¶).</summary>
    public const string Permalink = "permalink";

    /// <summary>A paragraph's "add a note" link.</summary>
    public const string AddNote = "add-note";

    /// <summary>One of the essay's sections.</summary>
    public const string EssaySection = "essay-section";

    /// <summary>A note's head, number, kind and body, in the reader, the notes page and the EPUB.</summary>
    public const string NoteHead = "note-head";

    public const string NoteNumber = "note-number";

    public const string NoteKind = "note-kind";

    public const string NoteBody = "note-body";

    /// <summary>The notes a highlighted passage belongs to, space-separated.</summary>
    public const string DataNotes = "data-notes";


    /// <summary>The initiative a mention names.</summary>
    public const string DataInitiative = "data-initiative";

    /// <summary>What only the web site has (the service worker, the install icon), dropped by the single-file edition.</summary>
    public const string DataSiteOnly = "data-site-only";
}

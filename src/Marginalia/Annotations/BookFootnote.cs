using AngleSharp.Dom;
using Marginalia.Editions.Epub;
using Marginalia.Markup;

namespace Marginalia.Annotations;

/// <summary>
/// A note as an EPUB footnote: an <c>aside</c> typed <c>footnote</c>, which reading systems hide from the running
/// text and open as a pop-up from its <c>noteref</c> marker; where they do not, it reads as a note after its section,
/// numbered and linking back to its marker as the site's notes do.
/// </summary>
internal static class BookFootnote
{
    /// <param name="body">The note's body already parsed into this page (<see cref="XhtmlPage.Fragments"/>), or null to parse it here.</param>
    public static IElement Create(XhtmlPage page, AnchoredNote anchored, IElement? body = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(anchored);
        var note = anchored.Note;
        var number = anchored.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var aside = page.Element("aside", "note note--" + note.Kind.Name());
        aside.Id = note.ElementId;
        aside.SetAttribute("epub:type", "footnote");

        var head = page.Append(aside, "p", MarkupNames.NoteHead);
        var back = page.Append(head, "a", MarkupNames.NoteNumber, number);
        back.SetAttribute("href", "#" + note.MarkerId);
        back.SetAttribute("aria-label", $"Back to note {number} in the text");
        page.AppendText(head, " ");
        page.Append(head, "span", MarkupNames.NoteKind, note.Kind.Label());

        body ??= page.Fragment(note.BodyHtml, "div", MarkupNames.NoteBody);
        if (note.Language is { Length: > 0 } language)
        {
            body.SetAttribute("lang", language);
            body.SetAttribute("xml:lang", language);
        }

        aside.AppendChild(body);
        EntryParts.Sources(page, aside, note.Sources.Select(s => (s.Title, s.Url)));
        if (note.Kind == NoteKind.Author)
        {
            page.Append(aside, "p", "entry-meta", $"By {note.Author}, in the original");
        }
        else
        {
            EntryParts.Byline(page, aside, note.Author, note.Created, note.Updated);
        }

        return aside;
    }
}

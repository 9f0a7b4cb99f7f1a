using AngleSharp.Dom;

namespace Marginalia.Extensions;

/// <summary>
/// A passage of the essay's plain text, [Start, End), to mark with a &lt;mark&gt;, with a marker made by
/// <see cref="CreateMarker"/> right after it: the marker of the note <see cref="Id"/>, numbered with every other.
/// Passages may overlap each other and links. The marker names its note once, by its href; the page's scripts read
/// the note's id from there (Marginalia.noteId), so no attribute repeats it.
/// </summary>
internal sealed record MarkedPassage(int Start, int End, string Id, Func<IDocument, IElement> CreateMarker);
